package care.parcours.partner.matching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import care.parcours.partner.PartnerFixtures;
import care.parcours.partner.partners.PartnerKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchStatementTests {

	@Test
	void aSearchWithoutCriteriaReadsActivePartnersOnly() {
		Map<String, Object> params = new HashMap<>();

		String sql = SearchStatement.of(new PartnerSearch(null, null, null, null, null, null, null, null, null),
				params);

		assertThat(sql).contains("p.status = 'ACTIVE'")
			.doesNotContain("fitting")
			.doesNotContain("accreditation")
			.doesNotContain("radians");
		assertThat(params).isEmpty();
	}

	@Test
	void valuesAreBoundNeverWrittenIntoTheStatement() {
		Map<String, Object> params = new HashMap<>();
		PartnerSearch search = new PartnerSearch("orthopaedics", "ar", "FR", "L'Haÿ-les-Roses'; drop table partner;--",
				PartnerKind.CLINIC, LocalDate.parse("2027-01-01"), "HAS", PartnerFixtures.LYON_AIRPORT, 50.0);

		String sql = SearchStatement.of(search, params);

		assertThat(sql).doesNotContain("orthopaedics").doesNotContain("Roses").doesNotContain("HAS");
		assertThat(sql).contains(":specialty", ":language", ":city", ":accreditedOn", ":accreditedBy", ":within");
		assertThat(params).containsEntry("city", "L'Haÿ-les-Roses'; drop table partner;--")
			.containsEntry("kind", "CLINIC")
			.containsKeys("minLat", "maxLat", "minLon", "maxLon");
	}

}
