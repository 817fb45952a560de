package care.parcours.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	private static final UUID CLINIC = UUID.fromString("00000000-0000-0000-0000-00000000c11c");

	private static final UUID OTHER_CLINIC = UUID.fromString("00000000-0000-0000-0000-0000000000f0");

	private final Caller coordinator = new Caller("claire", "web", Set.of("COORDINATOR"), Optional.empty());

	private final Caller clinic = new Caller("clinic-api", "clinic-api", Set.of("PARTNER"), Optional.of(CLINIC));

	@Test
	void aPartnerSystemListsItsOwnOrganisationsItemsWhateverItAsksFor() {
		assertThat(clinic.listedPartner(null)).contains(new Caller.ListedPartner(CLINIC));
		assertThat(clinic.listedPartner(CLINIC)).contains(new Caller.ListedPartner(CLINIC));
	}

	@Test
	void aPartnerSystemAskingForAnotherPartnersItemsListsNothing() {
		assertThat(clinic.listedPartner(OTHER_CLINIC)).isEmpty();
	}

	@Test
	void staffListThePartnerTheyAskForOrEveryPartner() {
		assertThat(coordinator.listedPartner(OTHER_CLINIC)).contains(new Caller.ListedPartner(OTHER_CLINIC));
		assertThat(coordinator.listedPartner(null)).contains(new Caller.ListedPartner(null));
	}

}
