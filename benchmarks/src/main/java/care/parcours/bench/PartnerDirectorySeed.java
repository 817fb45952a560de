package care.parcours.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A partner directory the size the issue asks for, written straight into
 * partner-service's tables (no events: the search reads tables only). Seeded, so every
 * run measures the same data: France and Belgium, mostly clinics, a third providers, most
 * partners active, many accredited, practitioners speaking the languages of the sources.
 */
final class PartnerDirectorySeed {

	record City(String name, String country, String zone, double latitude, double longitude) {

	}

	static final List<City> CITIES = List.of(new City("Paris", "FR", "Europe/Paris", 48.8566, 2.3522),
			new City("Lyon", "FR", "Europe/Paris", 45.7640, 4.8357),
			new City("Marseille", "FR", "Europe/Paris", 43.2965, 5.3698),
			new City("Toulouse", "FR", "Europe/Paris", 43.6047, 1.4442),
			new City("Nice", "FR", "Europe/Paris", 43.7102, 7.2620),
			new City("Nantes", "FR", "Europe/Paris", 47.2184, -1.5536),
			new City("Strasbourg", "FR", "Europe/Paris", 48.5734, 7.7521),
			new City("Montpellier", "FR", "Europe/Paris", 43.6108, 3.8767),
			new City("Bordeaux", "FR", "Europe/Paris", 44.8378, -0.5792),
			new City("Lille", "FR", "Europe/Paris", 50.6292, 3.0573),
			new City("Bruxelles", "BE", "Europe/Brussels", 50.8503, 4.3517),
			new City("Antwerpen", "BE", "Europe/Brussels", 51.2194, 4.4025),
			new City("Gent", "BE", "Europe/Brussels", 51.0543, 3.7174),
			new City("Liège", "BE", "Europe/Brussels", 50.6326, 5.5797),
			new City("Charleroi", "BE", "Europe/Brussels", 50.4108, 4.4446),
			new City("Leuven", "BE", "Europe/Brussels", 50.8798, 4.7005));

	static final List<String> SPECIALTIES = List.of("anaesthesiology", "cardiology", "cosmetic-surgery", "dentistry",
			"dermatology", "endocrinology", "ent", "fertility", "gastroenterology", "general-practice",
			"general-surgery", "gynaecology", "nephrology", "neurology", "oncology", "ophthalmology", "orthopaedics",
			"paediatrics", "physiotherapy", "psychiatry", "pulmonology", "radiology", "urology");

	static final List<String> LANGUAGES = List.of("en", "ar", "es", "ru", "pt", "de", "it");

	private static final String[] CARE = { "HOSPITAL", "CLINIC", "CLINIC", "CLINIC", "CARE_CENTRE" };

	private static final String[] PROVIDERS = { "TRANSPORT", "HOTEL", "INTERPRETER", "CONCIERGE" };

	private static final String[] ISSUERS = { "HAS", "JCI", "ISO 9001", "Accreditation Canada" };

	private final Random random = new Random(42);

	private final LocalDate today;

	PartnerDirectorySeed(LocalDate today) {
		this.today = today;
	}

	/**
	 * Writes the partners and practitioners; returns the ids of the partners with care.
	 */
	List<UUID> write(Connection connection, int partners, int practitioners) throws SQLException {
		connection.setAutoCommit(false);
		List<UUID> care = new ArrayList<>();
		try (PreparedStatement partner = connection.prepareStatement("""
				insert into partner (id, name, kind, status, country, city, latitude, longitude, time_zone, specialties,
				                     languages, version, registered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
				""");
				PreparedStatement accreditation = connection.prepareStatement(
						"insert into accreditation (partner_id, position, issuer, level, expires_on) values (?, ?, ?, ?, ?)")) {
			for (int i = 0; i < partners; i++) {
				UUID id = UUID.randomUUID();
				City city = CITIES.get(random.nextInt(CITIES.size()));
				boolean providesCare = random.nextInt(10) < 7;
				String kind = providesCare ? CARE[random.nextInt(CARE.length)] : PROVIDERS[random.nextInt(4)];
				int status = random.nextInt(100);
				partner.setObject(1, id);
				partner.setString(2, "Bench partner " + i);
				partner.setString(3, kind);
				partner.setString(4, status < 90 ? "ACTIVE" : status < 97 ? "ONBOARDING" : "SUSPENDED");
				partner.setString(5, city.country());
				partner.setString(6, city.name());
				partner.setDouble(7, city.latitude() + (random.nextDouble() - 0.5) * 0.3);
				partner.setDouble(8, city.longitude() + (random.nextDouble() - 0.5) * 0.4);
				partner.setString(9, city.zone());
				partner.setArray(10,
						texts(connection, providesCare ? pick(SPECIALTIES, 2 + random.nextInt(5)) : Set.of()));
				partner.setArray(11, texts(connection, languages(city)));
				partner.setTimestamp(12, Timestamp.from(Instant.now()));
				partner.addBatch();
				if (providesCare) {
					care.add(id);
					int accreditations = random.nextInt(10) < 6 ? 1 + random.nextInt(2) : 0;
					for (int a = 0; a < accreditations; a++) {
						accreditation.setObject(1, id);
						accreditation.setInt(2, a);
						accreditation.setString(3, ISSUERS[random.nextInt(ISSUERS.length)]);
						accreditation.setString(4, random.nextBoolean() ? "A" : "B");
						accreditation.setDate(5, Date.valueOf(today.plusDays(random.nextInt(5 * 365) - 365)));
						accreditation.addBatch();
					}
				}
			}
			partner.executeBatch();
			accreditation.executeBatch();
		}
		writePractitioners(connection, care, practitioners);
		connection.commit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("vacuum analyze");
		}
		return care;
	}

	private void writePractitioners(Connection connection, List<UUID> care, int count) throws SQLException {
		try (PreparedStatement practitioner = connection.prepareStatement("""
				insert into practitioner (id, name, specialties, languages, time_zone, version, registered_at)
				values (?, ?, ?, ?, 'Europe/Paris', 0, ?)
				"""); PreparedStatement affiliation = connection.prepareStatement("""
				insert into practitioner_affiliation (practitioner_id, partner_id, position, joined_at, specialties,
				                                      languages)
				values (?, ?, ?, ?, ?, ?)
				""")) {
			for (int i = 0; i < count; i++) {
				UUID id = UUID.randomUUID();
				practitioner.setObject(1, id);
				practitioner.setString(2, "Dr Bench " + i);
				Array specialties = texts(connection, pick(SPECIALTIES, 1 + random.nextInt(2)));
				practitioner.setArray(3, specialties);
				Set<String> spoken = new LinkedHashSet<>(List.of(random.nextInt(4) == 0 ? "nl" : "fr"));
				spoken.addAll(pick(LANGUAGES, random.nextInt(3)));
				Array languages = texts(connection, spoken);
				practitioner.setArray(4, languages);
				practitioner.setTimestamp(5, Timestamp.from(Instant.now()));
				practitioner.addBatch();
				int partners = random.nextInt(10) == 0 ? 2 : 1;
				Set<UUID> at = new LinkedHashSet<>();
				while (at.size() < partners) {
					at.add(care.get(random.nextInt(care.size())));
				}
				int position = 0;
				for (UUID partner : at) {
					affiliation.setObject(1, id);
					affiliation.setObject(2, partner);
					affiliation.setInt(3, position++);
					affiliation.setTimestamp(4, Timestamp.from(Instant.now()));
					affiliation.setArray(5, specialties);
					affiliation.setArray(6, languages);
					affiliation.addBatch();
				}
			}
			practitioner.executeBatch();
			affiliation.executeBatch();
		}
	}

	private Set<String> languages(City city) {
		Set<String> languages = new LinkedHashSet<>();
		languages.add("fr");
		if (city.country().equals("BE") && random.nextBoolean()) {
			languages.add("nl");
		}
		languages.addAll(pick(LANGUAGES, random.nextInt(4)));
		return languages;
	}

	private Set<String> pick(List<String> from, int count) {
		Set<String> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(from.get(random.nextInt(from.size())));
		}
		return picked;
	}

	private static Array texts(Connection connection, Set<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray(String[]::new));
	}

}
