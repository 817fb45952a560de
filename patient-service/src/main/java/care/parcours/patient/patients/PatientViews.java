package care.parcours.patient.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.identity.EmergencyContact;
import care.parcours.patient.identity.Identifier;
import care.parcours.patient.identity.IdentifierType;
import care.parcours.patient.identity.InsurerMemberNumber;
import care.parcours.patient.identity.Passport;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.patient.identity.PostalAddress;
import care.parcours.patient.identity.Sex;
import org.jspecify.annotations.Nullable;

/** What the API answers about patients: the whole record, or a summary in lists. */
final class PatientViews {

	private PatientViews() {
	}

	record PatientView(UUID id, String givenName, String familyName, LocalDate birthDate, Sex sex, String nationality,
			String countryOfResidence, List<String> languages, String preferredLanguage, @Nullable String email,
			@Nullable String phone, @Nullable AddressView address, @Nullable ContactView emergencyContact,
			List<IdentifierView> identifiers, long version, Instant registeredAt) {

		static PatientView of(Patient patient) {
			PatientIdentity identity = patient.identity();
			PostalAddress address = identity.address();
			EmergencyContact contact = identity.emergencyContact();
			return new PatientView(patient.id(), identity.givenName(), identity.familyName(), identity.birthDate(),
					identity.sex(), identity.nationality(), identity.countryOfResidence(), identity.languages(),
					identity.preferredLanguage(), identity.email() == null ? null : identity.email().value(),
					identity.phone() == null ? null : identity.phone().value(),
					address == null ? null
							: new AddressView(address.lines(), address.postalCode(), address.city(), address.region(),
									address.country()),
					contact == null ? null
							: new ContactView(contact.name(), contact.relationship(), contact.phone().value(),
									contact.email() == null ? null : contact.email().value(), contact.companion()),
					identity.identifiers().stream().map(IdentifierView::of).toList(), patient.version(),
					patient.registeredAt());
		}

		@Override
		public String toString() {
			return "PatientView[id=" + id + "]";
		}

	}

	/**
	 * What a partner caring for the patient sees, with the patient's consent: enough to
	 * recognise and welcome them (names, birth date, sex, the languages they speak). Not
	 * their contacts, address, identifiers, nationality or emergency contact: the
	 * coordinator arranges what else the partner needs.
	 */
	record PartnerPatientView(UUID id, String givenName, String familyName, LocalDate birthDate, Sex sex,
			List<String> languages, String preferredLanguage, long version) {

		static PartnerPatientView of(Patient patient) {
			PatientIdentity identity = patient.identity();
			return new PartnerPatientView(patient.id(), identity.givenName(), identity.familyName(),
					identity.birthDate(), identity.sex(), identity.languages(), identity.preferredLanguage(),
					patient.version());
		}

		@Override
		public String toString() {
			return "PartnerPatientView[id=" + id + "]";
		}

	}

	record AddressView(List<String> lines, @Nullable String postalCode, String city, @Nullable String region,
			String country) {

	}

	record ContactView(String name, @Nullable String relationship, String phone, @Nullable String email,
			boolean companion) {

	}

	record IdentifierView(IdentifierType type, String value, @Nullable String issuingCountry,
			@Nullable String insurer) {

		static IdentifierView of(Identifier identifier) {
			return new IdentifierView(identifier.type(), identifier.value(),
					identifier instanceof Passport passport ? passport.issuingCountry() : null,
					identifier instanceof InsurerMemberNumber member ? member.insurer() : null);
		}

	}

	/**
	 * A patient in a list or among matches. Names and birth date only for the roles that
	 * see them in lists (coordinator, assistant) and in look-up and search answers; null
	 * otherwise.
	 */
	record PatientSummary(UUID id, @Nullable String givenName, @Nullable String familyName,
			@Nullable LocalDate birthDate, long version, Instant registeredAt) {

		static PatientSummary of(Patient patient) {
			return new PatientSummary(patient.id(), patient.identity().givenName(), patient.identity().familyName(),
					patient.identity().birthDate(), patient.version(), patient.registeredAt());
		}

		static PatientSummary of(PatientRecords.Registration registration) {
			return new PatientSummary(registration.id(), null, null, null, registration.version(),
					registration.registeredAt());
		}

		@Override
		public String toString() {
			return "PatientSummary[id=" + id + "]";
		}

	}

	/**
	 * The patients a look-up or search found, at most
	 * {@value PatientRegistry#MOST_FOUND}.
	 */
	record Found(List<PatientSummary> content) {

		static Found of(List<Patient> patients) {
			return new Found(patients.stream().map(PatientSummary::of).toList());
		}

	}

}
