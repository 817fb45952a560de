package care.parcours.patient.identity;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalisationTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Ben-Ali      | benali
			BEN ALI      | benali
			Müller       | muller
			MULLER       | muller
			Œuvray       | oeuvray
			D'Hondt      | dhondt
			Straße       | strasse
			Łukasiewicz  | lukasiewicz
			Ångström     | angstrom
			""")
	void namesFoldCaseAccentsAndSeparators(String written, String folded) {
		assertThat(FoldedName.of(written).value()).isEqualTo(folded);
	}

	@Test
	void scriptsAreNotTransliterated() {
		assertThat(FoldedName.of("بن علي").value()).isEqualTo("بنعلي").isNotEqualTo(FoldedName.of("Ben Ali").value());
	}

	@Test
	void eMailAddressesAreLowerCased() {
		assertThat(new EmailAddress("  Yasmine.Benali@Example.ORG ").value()).isEqualTo("yasmine.benali@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-email", "a@b", "a b@example.net", "@example.net", "a@@example.net" })
	void malformedAddressesAreRefused(String written) {
		assertThatThrownBy(() -> new EmailAddress(written)).isInstanceOf(InvalidField.class)
			.hasMessageNotContaining(written);
	}

	@Test
	void identifiersAreComparedWithoutSeparatorsOrCase() {
		assertThat(new Passport("MA", "ab 12 34567").lookupTerm())
			.isEqualTo(new Passport("MA", "AB1234567").lookupTerm());
		assertThat(new Passport("MA", "AB1234567").lookupTerm())
			.isNotEqualTo(new Passport("DZ", "AB1234567").lookupTerm());
		assertThat(new InsurerMemberNumber("Mutualité Chrétienne", "123-456").lookupTerm())
			.isEqualTo(new InsurerMemberNumber("MUTUALITE CHRETIENNE", "123456").lookupTerm());
	}

	@Test
	void twoWritingsOfOnePersonShareTheirDuplicateTerms() {
		PatientIdentity one = identity("Yasmine", "Ben-Ali", "yasmine@example.org", "+212 612 345 678");
		PatientIdentity other = identity("YASMINE", "ben ali", "Yasmine@Example.org", "00212612345678");

		assertThat(other.duplicateTerms()).isEqualTo(one.duplicateTerms());
		assertThat(other.lookupTerms()).containsExactlyInAnyOrderElementsOf(one.lookupTerms());
		assertThat(one.lookupTerms()).extracting(LookupTerm::kind)
			.containsExactlyInAnyOrder(LookupTerm.Kind.IDENTIFIER, LookupTerm.Kind.NAME_AND_BIRTH_DATE,
					LookupTerm.Kind.EMAIL, LookupTerm.Kind.PHONE, LookupTerm.Kind.FAMILY_NAME_AND_BIRTH_YEAR);
		assertThat(one.lookupTerms().toString()).doesNotContain("benali", "yasmine", "1984");
	}

	@Test
	void thePreferredLanguageIsOneThePatientSpeaks() {
		assertThatThrownBy(() -> new PatientIdentity("Yasmine", "Benali", LocalDate.of(1984, 3, 2), Sex.FEMALE, "MA",
				"MA", List.of("ar", "fr"), "nl", null, null, null, null, List.of()))
			.isInstanceOfSatisfying(InvalidField.class,
					refused -> assertThat(refused.field()).isEqualTo("preferredLanguage"));
	}

	@Test
	void oneIdentifierOfEachTypeAndIssuer() {
		assertThatThrownBy(() -> new PatientIdentity("Yasmine", "Benali", LocalDate.of(1984, 3, 2), Sex.FEMALE, "MA",
				"MA", List.of("ar"), "ar", null, null, null, null,
				List.of(new Passport("MA", "AB1234567"), new Passport("MA", "CD7654321"))))
			.isInstanceOfSatisfying(InvalidField.class,
					refused -> assertThat(refused.field()).isEqualTo("identifiers[1]"));
	}

	private static PatientIdentity identity(String given, String family, String email, String phone) {
		return new PatientIdentity(given, family, LocalDate.of(1984, 3, 2), Sex.FEMALE, "MA", "MA", List.of("ar", "fr"),
				"ar", new EmailAddress(email), new PhoneNumber(phone), null, null,
				List.of(new Passport("MA", "AB1234567")));
	}

}
