package care.parcours.partner.resources;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.partner.PartnerFixtures;
import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerKind;
import care.parcours.partner.partners.PartnerProfile;
import care.parcours.platform.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static care.parcours.partner.PartnerFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTests {

	private final Partner clinic = PartnerFixtures.clinicInLyon();

	private final Partner agency = Partner.register(UUID.randomUUID(), PartnerKind.INTERPRETER,
			ZoneId.of("Europe/Brussels"), PartnerProfile.of("Tolken", "BE", "Brussel", List.of(), List.of("nl", "ar")),
			NOW);

	@Test
	void anOperatingRoomIsAnnouncedWithItsSpecialtiesAndTheClinicsZoneButNotItsLabel() {
		Resource room = Resource.register(UUID.randomUUID(), clinic, ResourceKind.OPERATING_ROOM, " Bloc B ",
				List.of("orthopaedics", "orthopaedics"), List.of(), NOW);

		assertThat(room.label()).isEqualTo("Bloc B");
		assertThat(room.registered().specialties()).containsExactly("orthopaedics");
		assertThat(room.registered().kind()).isEqualTo("OPERATING_ROOM");
		assertThat(room.registered().timeZone()).isEqualTo("Europe/Paris");
		assertThat(room.registered().toString()).doesNotContain("Bloc B");
	}

	@Test
	void interpretersWorkForAgenciesAndPlacesOfCareButRoomsOnlyForPlacesOfCare() {
		assertThat(Resource
			.register(UUID.randomUUID(), agency, ResourceKind.INTERPRETER, "Youssef", List.of(), List.of("ar", "fr"),
					NOW)
			.timeZone()).isEqualTo("Europe/Brussels");
		assertThat(Resource
			.register(UUID.randomUUID(), clinic, ResourceKind.INTERPRETER, "Desk", List.of(), List.of("ar"), NOW)
			.partnerId()).isEqualTo(clinic.id());
		assertThatThrownBy(() -> Resource.register(UUID.randomUUID(), agency, ResourceKind.MRI, "IRM 1", List.of(),
				List.of(), NOW))
			.isInstanceOf(Resource.KindNotKeptThere.class);
		assertThatThrownBy(() -> Resource.register(UUID.randomUUID(), PartnerFixtures.hotelInLyon(),
				ResourceKind.INTERPRETER, "Concierge", List.of(), List.of("fr"), NOW))
			.isInstanceOf(Resource.KindNotKeptThere.class);
	}

	@Test
	void attributesAKindDoesNotHaveAreRefusedNamingTheField() {
		assertThat(refusedField(ResourceKind.INTERPRETER, List.of(), List.of())).isEqualTo("languages");
		assertThat(refusedField(ResourceKind.INTERPRETER, List.of("oncology"), List.of("ar"))).isEqualTo("specialties");
		assertThat(refusedField(ResourceKind.MRI, List.of(), List.of("fr"))).isEqualTo("languages");
		assertThat(refusedField(ResourceKind.RECOVERY_BED, List.of("orthopaedics"), List.of()))
			.isEqualTo("specialties");
	}

	@Test
	void aRevisionKeepsKindAndZoneAndARetiredResourceNoLongerChanges() {
		Resource interpreter = Resource.register(UUID.randomUUID(), agency, ResourceKind.INTERPRETER, "Youssef",
				List.of(), List.of("ar"), NOW);

		Resource.Change revised = interpreter.revise("Youssef B.", List.of(), List.of("ar", "nl"));
		assertThat(revised.resource().version()).isEqualTo(1);
		assertThat(revised.event()).isEqualTo(new ResourceUpdated(interpreter.id(), agency.id(), "INTERPRETER",
				"Europe/Brussels", List.of(), List.of("ar", "nl")));
		Resource.Change retired = revised.resource().retire();
		assertThat(retired.event()).isEqualTo(new ResourceRetired(interpreter.id(), agency.id()));
		assertThatThrownBy(() -> retired.resource().retire()).isInstanceOf(Resource.Retired.class);
		assertThatThrownBy(() -> retired.resource().revise("Y", List.of(), List.of("ar")))
			.isInstanceOf(Resource.Retired.class);
	}

	private String refusedField(ResourceKind kind, List<String> specialties, List<String> languages) {
		try {
			Resource.register(UUID.randomUUID(), clinic, kind, "Refused", specialties, languages, NOW);
		}
		catch (InvalidRequestException ex) {
			List<?> errors = (List<?>) ex.properties().get("errors");
			return String.valueOf(((Map<?, ?>) errors.getFirst()).get("field"));
		}
		throw new AssertionError("accepted " + kind + " with " + specialties + " and " + languages);
	}

}
