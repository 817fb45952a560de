package care.parcours.patient.patients;

import java.time.LocalDate;
import java.util.List;

import care.parcours.patient.identity.BelgianNationalNumber;
import care.parcours.patient.identity.EmailAddress;
import care.parcours.patient.identity.EmergencyContact;
import care.parcours.patient.identity.FrenchNir;
import care.parcours.patient.identity.Identifier;
import care.parcours.patient.identity.IdentifierType;
import care.parcours.patient.identity.InsurerMemberNumber;
import care.parcours.patient.identity.Passport;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.patient.identity.PhoneNumber;
import care.parcours.patient.identity.PostalAddress;
import care.parcours.patient.identity.Sex;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The stored form of an identity, before encryption: a JSON document of its own, apart
 * from the API's, so that either can change without the other. Its own mapper too: the
 * web's settings never change what is stored.
 */
@Component
class IdentityCodec {

	private final JsonMapper json = JsonMapper.builder().build();

	byte[] write(PatientIdentity identity) {
		return json.writeValueAsBytes(Stored.of(identity));
	}

	PatientIdentity read(byte[] plain) {
		try {
			return json.readValue(plain, Stored.class).identity();
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * "given family" from a stored identity, current or legacy (both name their fields
	 * alike), reading the two names as they were stored and stopping there: a list shows
	 * names, and parsing the whole identity into its values, each checked again, was most
	 * of what showing them cost (docs/benchmarks.md, pathways). The identity was checked
	 * when stored, and its encryption authenticates it since.
	 */
	String displayName(byte[] plain) {
		@Nullable String given = null;
		@Nullable String family = null;
		try (JsonParser parser = json.createParser(plain)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException("A stored identity is not a JSON object");
			}
			String field;
			while ((given == null || family == null) && (field = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				switch (field) {
					case "givenName" -> given = name(parser, value);
					case "familyName" -> family = name(parser, value);
					default -> parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
		if (given == null || family == null) {
			throw new IllegalStateException("A stored identity lacks its given or family name");
		}
		return given.strip() + " " + family.strip();
	}

	private static String name(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			throw new IllegalStateException("A stored identity's name is not a string (" + value + ")");
		}
		return parser.getString();
	}

	/**
	 * A stored document that does not read: the parser's message may quote the document,
	 * so it is not passed on.
	 */
	private static IllegalStateException unreadable(JacksonException ex) {
		return new IllegalStateException("A stored identity does not read as one (" + ex.getClass().getSimpleName()
				+ " at " + ex.getPathReference() + ")");
	}

	/**
	 * An identity as the service stored it before envelope encryption: no address,
	 * contact or identifiers; the first language was the preferred one.
	 */
	PatientIdentity readLegacy(byte[] plain) {
		Legacy legacy;
		try {
			legacy = json.readValue(plain, Legacy.class);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
		return new PatientIdentity(legacy.givenName(), legacy.familyName(), legacy.birthDate(), legacy.sex(),
				legacy.nationality(), legacy.countryOfResidence(), legacy.languages(), legacy.languages().get(0),
				legacy.email() == null ? null : new EmailAddress(legacy.email()),
				legacy.phone() == null ? null : new PhoneNumber(legacy.phone()), null, null, List.of());
	}

	private record Legacy(String givenName, String familyName, LocalDate birthDate, Sex sex, String nationality,
			String countryOfResidence, List<String> languages, @Nullable String email, @Nullable String phone) {

	}

	private record Stored(int format, String givenName, String familyName, LocalDate birthDate, Sex sex,
			String nationality, String countryOfResidence, List<String> languages, String preferredLanguage,
			@Nullable String email, @Nullable String phone, @Nullable StoredAddress address,
			@Nullable StoredContact emergencyContact, List<StoredIdentifier> identifiers) {

		static Stored of(PatientIdentity identity) {
			PostalAddress address = identity.address();
			EmergencyContact contact = identity.emergencyContact();
			return new Stored(1, identity.givenName(), identity.familyName(), identity.birthDate(), identity.sex(),
					identity.nationality(), identity.countryOfResidence(), identity.languages(),
					identity.preferredLanguage(), identity.email() == null ? null : identity.email().value(),
					identity.phone() == null ? null : identity.phone().value(),
					address == null ? null
							: new StoredAddress(address.lines(), address.postalCode(), address.city(), address.region(),
									address.country()),
					contact == null ? null
							: new StoredContact(contact.name(), contact.relationship(), contact.phone().value(),
									contact.email() == null ? null : contact.email().value(), contact.companion()),
					identity.identifiers().stream().map(StoredIdentifier::of).toList());
		}

		PatientIdentity identity() {
			return new PatientIdentity(givenName, familyName, birthDate, sex, nationality, countryOfResidence,
					languages, preferredLanguage, email == null ? null : new EmailAddress(email),
					phone == null ? null : new PhoneNumber(phone),
					address == null ? null
							: new PostalAddress(address.lines(), address.postalCode(), address.city(), address.region(),
									address.country()),
					emergencyContact == null ? null
							: new EmergencyContact(emergencyContact.name(), emergencyContact.relationship(),
									new PhoneNumber(emergencyContact.phone()),
									emergencyContact.email() == null ? null
											: new EmailAddress(emergencyContact.email()),
									emergencyContact.companion()),
					identifiers.stream().map(StoredIdentifier::identifier).toList());
		}

	}

	private record StoredAddress(List<String> lines, @Nullable String postalCode, String city, @Nullable String region,
			String country) {

	}

	private record StoredContact(String name, @Nullable String relationship, String phone, @Nullable String email,
			boolean companion) {

	}

	private record StoredIdentifier(IdentifierType type, String value, @Nullable String issuer) {

		static StoredIdentifier of(Identifier identifier) {
			return switch (identifier) {
				case Passport passport ->
					new StoredIdentifier(passport.type(), passport.value(), passport.issuingCountry());
				case InsurerMemberNumber member ->
					new StoredIdentifier(member.type(), member.value(), member.insurer());
				case FrenchNir nir -> new StoredIdentifier(nir.type(), nir.value(), null);
				case BelgianNationalNumber number -> new StoredIdentifier(number.type(), number.value(), null);
			};
		}

		Identifier identifier() {
			return switch (type) {
				case PASSPORT -> new Passport(String.valueOf(issuer), value);
				case INSURER_MEMBER -> new InsurerMemberNumber(String.valueOf(issuer), value);
				case FR_NIR -> new FrenchNir(value);
				case BE_NATIONAL_REGISTER -> new BelgianNationalNumber(value);
			};
		}

	}

}
