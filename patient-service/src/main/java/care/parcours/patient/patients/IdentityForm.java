package care.parcours.patient.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import care.parcours.patient.identity.BelgianNationalNumber;
import care.parcours.patient.identity.EmailAddress;
import care.parcours.patient.identity.EmergencyContact;
import care.parcours.patient.identity.FrenchNir;
import care.parcours.patient.identity.Identifier;
import care.parcours.patient.identity.IdentifierType;
import care.parcours.patient.identity.InsurerMemberNumber;
import care.parcours.patient.identity.InvalidField;
import care.parcours.patient.identity.Passport;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.patient.identity.PhoneNumber;
import care.parcours.patient.identity.PostalAddress;
import care.parcours.patient.identity.Sex;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A patient's identity as a client sends it, to register a patient or (PUT) to replace
 * what the record holds. Annotations check presence, length and codes; the domain values
 * check the rest (check digits, E.164, e-mail shape) and a refusal names the field, never
 * its value.
 *
 * @param confirmedDistinctFrom records the caller has checked are other people: the
 * duplicate check lets this one through despite a shared identifier or the same names and
 * birth date
 */
record IdentityForm(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
		@NotNull LocalDate birthDate, @NotNull Sex sex, @NotNull @CountryCode String nationality,
		@NotNull @CountryCode String countryOfResidence,
		@NotEmpty @Size(max = 10) List<@NotNull @LanguageCode String> languages,
		@Nullable @LanguageCode String preferredLanguage, @Nullable @Size(max = 254) String email,
		@Nullable @Size(max = 30) String phone, @Nullable @Valid AddressForm address,
		@Nullable @Valid ContactForm emergencyContact,
		@Nullable @Size(max = 10) List<@NotNull @Valid IdentifierForm> identifiers,
		@Nullable @Size(max = 20) List<@NotNull UUID> confirmedDistinctFrom) {

	record AddressForm(@NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 200) String> lines,
			@Nullable @Size(max = 20) String postalCode, @NotBlank @Size(max = 120) String city,
			@Nullable @Size(max = 120) String region, @NotNull @CountryCode String country) {

		PostalAddress postalAddress() {
			return new PostalAddress(lines, postalCode, city, region, country);
		}

	}

	record ContactForm(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 50) String relationship,
			@NotBlank @Size(max = 30) String phone, @Nullable @Size(max = 254) String email,
			@Nullable Boolean companion) {

		EmergencyContact emergencyContact() {
			return new EmergencyContact(name, relationship, at("phone", () -> new PhoneNumber(phone)),
					email == null ? null : at("email", () -> new EmailAddress(email)), Boolean.TRUE.equals(companion));
		}

	}

	/**
	 * @param type the register
	 * @param value the number as written; spaces, dots and dashes are dropped
	 * @param issuingCountry passports: the country that issued it
	 * @param insurer insurer member numbers: the insurer's name or code
	 */
	record IdentifierForm(@NotNull IdentifierType type, @NotBlank @Size(max = 40) String value,
			@Nullable @CountryCode String issuingCountry, @Nullable @Size(max = 100) String insurer) {

		Identifier identifier() {
			return switch (type) {
				case PASSPORT -> new Passport(required("issuingCountry", issuingCountry), value);
				case INSURER_MEMBER -> new InsurerMemberNumber(required("insurer", insurer), value);
				case FR_NIR -> at("value", () -> new FrenchNir(value));
				case BE_NATIONAL_REGISTER -> at("value", () -> new BelgianNationalNumber(value));
			};
		}

		private static String required(String field, @Nullable String value) {
			if (value == null || value.isBlank()) {
				throw new InvalidField(field, "is required for this type of identifier");
			}
			return value;
		}

	}

	Set<UUID> confirmedDistinct() {
		return confirmedDistinctFrom == null ? Set.of() : Set.copyOf(confirmedDistinctFrom);
	}

	/**
	 * The identity, every value checked by its own rules.
	 * @throws InvalidRequestException naming the first field refused
	 */
	PatientIdentity identity() {
		try {
			return new PatientIdentity(givenName, familyName, birthDate, sex, nationality, countryOfResidence,
					languages, preferredLanguage == null ? languages.get(0) : preferredLanguage,
					email == null ? null : at("email", () -> new EmailAddress(email)),
					phone == null ? null : at("phone", () -> new PhoneNumber(phone)),
					address == null ? null : at("address", address::postalAddress),
					emergencyContact == null ? null : at("emergencyContact", emergencyContact::emergencyContact),
					identifierList());
		}
		catch (InvalidField refused) {
			throw refusal(refused);
		}
	}

	/** A value's refusal as the problem the client gets: the field and what is wrong. */
	static InvalidRequestException refusal(InvalidField refused) {
		return InvalidRequestException.ofField(refused.field(), String.valueOf(refused.getMessage()));
	}

	private List<Identifier> identifierList() {
		List<Identifier> list = new ArrayList<>();
		List<IdentifierForm> given = identifiers == null ? List.of() : identifiers;
		for (int i = 0; i < given.size(); i++) {
			list.add(at("identifiers[" + i + "]", given.get(i)::identifier));
		}
		return list;
	}

	/** Builds a value, placing a refusal under the field it came from. */
	static <T> T at(String field, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidField refused) {
			throw refused.within(field);
		}
	}

}
