package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

/**
 * Slot search over thousands of practitioners and a 90-day horizon, the first page of 20
 * as a coordinator asks for it. In the same run, the baseline is the database alone
 * answering the search's first query (the candidate practitioners and their types) for
 * the same criteria: what any implementation pays before it derives a single slot. With
 * {@code --roles=3} every practitioner also offers a one-hour surgery that needs any of
 * its clinic's two operating rooms (30 minutes of cleaning after) and any of its two
 * Arabic interpreters, the seeded morning appointments hold rooms and interpreters too,
 * and the same run measures the surgery search beside today's consultation search, with
 * the CPU each costs.
 */
final class SlotSearchBenchmark implements Benchmark {

	private static final List<String> SPECIALTIES = List.of("orthopaedics", "cardiology", "oncology", "fertility",
			"cosmetic-surgery");

	private static final List<String> LANGUAGES = List.of("fr", "en", "nl", "ar", "es", "ru", "pt");

	@Override
	public String name() {
		return "slot-search";
	}

	@Override
	public String description() {
		return "p50/p95/p99 of slot search over 2,000 practitioners and 90 days vs the candidate query alone"
				+ " (--clients=2 --duration=30s --practitioners=2000 --roles=1; --roles=3 adds a surgery type"
				+ " needing an operating room and an interpreter, beside the consultation search)";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int clients = context.option("clients", 2);
		Duration duration = context.option("duration", Duration.ofSeconds(30));
		Duration warmUp = context.option("warmup", Duration.ofSeconds(10));
		int practitioners = context.option("practitioners", 2_000);
		int roles = context.option("roles", 1);
		if (roles != 1 && roles != 3) {
			throw new IllegalArgumentException(
					"--roles is 1 (the practitioner alone) or 3 (surgeon, operating room, interpreter)");
		}

		RunningPlatform platform = context.start(Set.of(ServiceName.SCHEDULING));
		URI base = platform.url(ServiceName.SCHEDULING);
		try (Connection db = context.connect(ServiceName.SCHEDULING)) {
			seed(db, practitioners, roles == 3);
		}
		LocalDate from = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
		LocalDate to = from.plusDays(90);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		System.out.printf("Slot search: %d clients, %s warm-up, %s measured, %d practitioners, %s to %s%n", clients,
				warmUp, duration, practitioners, from, to);
		String bearer = context.bearer();
		CpuAccount account = CpuAccount.of(platform);
		CpuAccount.Meter searchCpu = account.meter();
		Load.Result search = Load.run(clients, warmUp, duration, searchCpu,
				client -> search(http, base, bearer, from, to, "consultation", "\"start\""));
		CpuAccount.Meter surgeryCpu = account.meter();
		Load.Result surgery = roles != 3 ? null : Load.run(clients, warmUp, duration, surgeryCpu,
				client -> search(http, base, bearer, from, to, "surgery", "\"resources\""));

		Load.Result candidates;
		try (Connection db = context.connect(ServiceName.SCHEDULING)) {
			candidates = Load.run(1, warmUp, duration, client -> candidates(db, Criteria.random()));
		}

		System.out.println();
		System.out.printf("  slot search over HTTP   %6.0f /s   %s (failed: %d)%n", search.perSecond(),
				search.latencies().summary(), search.failed());
		System.out.printf("  candidate query alone   %6.0f /s   %s%n", candidates.perSecond(),
				candidates.latencies().summary());
		System.out.printf("  p95 ratio               %6.1f     (search p95 %.1f ms; target < 100 ms)%n",
				search.latencies().percentileMillis(95) / candidates.latencies().percentileMillis(95),
				search.latencies().percentileMillis(95));
		System.out.printf("  %s%n", searchCpu.spent().perOperation(search.succeeded() + search.failed(), "search"));
		if (surgery != null) {
			System.out.printf("  surgery search (3 roles) %5.0f /s   %s (failed: %d)%n", surgery.perSecond(),
					surgery.latencies().summary(), surgery.failed());
			System.out.printf(
					"  surgery p95 ratio       %6.1f     to the consultation search, %.1f to the candidate query"
							+ " (surgery p95 %.1f ms; target < 100 ms)%n",
					surgery.latencies().percentileMillis(95) / search.latencies().percentileMillis(95),
					surgery.latencies().percentileMillis(95) / candidates.latencies().percentileMillis(95),
					surgery.latencies().percentileMillis(95));
			System.out.printf("  %s%n",
					surgeryCpu.spent().perOperation(surgery.succeeded() + surgery.failed(), "surgery search"));
		}
	}

	/** The first page of 20 of a type over the 90 days, for random criteria. */
	private static boolean search(HttpClient http, URI base, String bearer, LocalDate from, LocalDate to, String type,
			String expected) throws Exception {
		Criteria criteria = Criteria.random();
		HttpRequest request = HttpRequest.newBuilder(base.resolve(
				"/api/slots?from=" + from + "&to=" + to + "&appointmentType=" + type + "&size=20" + criteria.query()))
			.header("Authorization", bearer)
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 && response.body().contains(expected);
	}

	/**
	 * Two operating rooms and two Arabic interpreters per clinic; a one-hour surgery type
	 * needing any of each; the first two seeded appointments of each clinic at a time
	 * hold its rooms (with 30 minutes of cleaning) and its interpreters, so that the
	 * search has mornings to skip.
	 */
	private static void seedSurgeries(Statement statement) throws Exception {
		statement.execute("""
				create temporary table clinic_resource as
				select gen_random_uuid() as id, p.id as partner_id, p.time_zone, r.kind, k
				from partner p, generate_series(1, 2) k, (values ('OPERATING_ROOM'), ('INTERPRETER')) r(kind)
				""");
		statement.execute("""
				insert into resource (id, partner_id, kind, time_zone, specialties, languages, retired, source_version,
				                      known_since)
				select id, partner_id, kind, time_zone, '{}',
				       case when kind = 'INTERPRETER' then array['ar', 'fr'] else '{}' end, false, 0, now()
				from clinic_resource
				""");
		statement.execute("""
				insert into appointment_type (practitioner_id, code, duration_minutes, modes)
				select practitioner_id, 'surgery', 60, array['IN_PERSON'] from schedule
				""");
		statement.execute(
				"""
						insert into appointment_type_role (practitioner_id, code, position, role, kind, resource_id, language,
						                                   buffer_before_minutes, buffer_after_minutes)
						select practitioner_id, 'surgery', 0, 'room', 'OPERATING_ROOM', null::uuid, null::text, 0, 30 from schedule
						union all
						select practitioner_id, 'surgery', 1, 'interpreter', 'INTERPRETER', null, 'ar', 0, 0 from schedule
						""");
		statement.execute("""
				insert into booking_resource (booking_id, role, resource_id, buffer_before, buffer_after, during, live)
				select b.id, r.kind_role, c.id, interval '0', r.after,
				       tstzrange(lower(b.during), upper(b.during) + r.after), true
				from (select id, partner_id, during,
				             row_number() over (partition by partner_id, during order by id) as k
				      from planned) b
				join (values ('OPERATING_ROOM', 'room', interval '30 minutes'),
				             ('INTERPRETER', 'interpreter', interval '0')) r(kind, kind_role, after) on true
				join clinic_resource c on c.partner_id = b.partner_id and c.kind = r.kind and c.k = b.k
				""");
	}

	/** Optional criteria as a coordinator combines them. */
	private record Criteria(String specialty, String language, String country) {

		static Criteria random() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new Criteria(SPECIALTIES.get(random.nextInt(SPECIALTIES.size())),
					random.nextBoolean() ? LANGUAGES.get(random.nextInt(LANGUAGES.size())) : null,
					random.nextInt(3) == 0 ? (random.nextBoolean() ? "FR" : "BE") : null);
		}

		String query() {
			return "&specialty=" + specialty + (language == null ? "" : "&language=" + language)
					+ (country == null ? "" : "&country=" + country);
		}

	}

	private static boolean candidates(Connection db, Criteria criteria) throws Exception {
		try (PreparedStatement statement = db.prepareStatement("""
				select s.practitioner_id, t.code, t.duration_minutes, t.modes
				from schedule s
				join appointment_type t on t.practitioner_id = s.practitioner_id
				left join partner p on p.id = s.partner_id
				where t.modes && ?::text[] and s.specialties @> array[?::text]
				  and (?::text is null or s.languages @> array[?::text])
				  and (?::text is null or p.country = ?) and t.code = 'consultation'
				""")) {
			Array modes = db.createArrayOf("text", new String[] { "IN_PERSON", "TELECONSULTATION" });
			statement.setArray(1, modes);
			statement.setString(2, criteria.specialty());
			statement.setString(3, criteria.language());
			statement.setString(4, criteria.language());
			statement.setString(5, criteria.country());
			statement.setString(6, criteria.country());
			int rows = 0;
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows > 0;
		}
	}

	/**
	 * Partners in French and Belgian cities; practitioners with a specialty and two
	 * languages, consultations and follow-ups on weekday mornings and afternoons; a third
	 * of them with two morning appointments every weekday of the next fortnight.
	 */
	private static void seed(Connection db, int practitioners, boolean surgeries) throws Exception {
		try (Statement statement = db.createStatement()) {
			statement.execute("""
					insert into partner (id, kind, country, city, time_zone, specialties, languages, version)
					select gen_random_uuid(), 'CLINIC', case when i %% 3 = 0 then 'BE' else 'FR' end,
					       (array['Lyon', 'Paris', 'Lille', 'Bruxelles', 'Gent'])[1 + i %% 5],
					       case when i %% 3 = 0 then 'Europe/Brussels' else 'Europe/Paris' end, '{}', '{}', 0
					from generate_series(1, %d) i
					""".formatted(Math.max(1, practitioners / 10)));
			statement.execute(
					"""
							insert into schedule (practitioner_id, partner_id, time_zone, specialties, languages, opened_at)
							select gen_random_uuid(), p.id, p.time_zone,
							       array[(array['orthopaedics', 'cardiology', 'oncology', 'fertility', 'cosmetic-surgery'])[1 + i %% 5]],
							       array[(array['fr', 'en', 'nl', 'ar', 'es', 'ru', 'pt'])[1 + i %% 7],
							             (array['fr', 'en', 'nl', 'ar', 'es', 'ru', 'pt'])[1 + (i / 7) %% 7]], now()
							from generate_series(1, %d) i
							join lateral (select id, time_zone from partner order by id offset (i %% (select count(*) from partner))
							              limit 1) p on true
							"""
						.formatted(practitioners));
			statement.execute("""
					insert into appointment_type (practitioner_id, code, duration_minutes, modes)
					select practitioner_id, 'consultation', 30, array['IN_PERSON', 'TELECONSULTATION'] from schedule
					union all
					select practitioner_id, 'follow-up', 20, array['IN_PERSON'] from schedule
					""");
			statement.execute("""
					insert into availability_rule (id, practitioner_id, day_of_week, start_time, end_time, modes,
					                               appointment_types, valid_from)
					select gen_random_uuid(), s.practitioner_id, d, w.start_time, w.end_time,
					       array['IN_PERSON', 'TELECONSULTATION'], null, date '2026-01-01'
					from schedule s, generate_series(1, 5) d,
					     (values (time '09:00', time '12:00'), (time '14:00', time '18:00')) w(start_time, end_time)
					""");
			statement.execute("""
					create temporary table planned as
					select gen_random_uuid() as id, gen_random_uuid() as patient, s.practitioner_id, s.partner_id,
					       tstzrange(((current_date + d) + slot.t) at time zone s.time_zone,
					                 ((current_date + d) + slot.t + interval '30 minutes') at time zone s.time_zone)
					         as during
					from (select practitioner_id, partner_id, time_zone, row_number() over () as n from schedule) s
					cross join generate_series(1, 14) d
					cross join (values (time '09:00'), (time '10:00')) slot(t)
					where s.n %% 3 = 0 and extract(isodow from current_date + d) < 6
					""".formatted());
			statement.execute("insert into known_patient (id, registered_at) select patient, now() from planned");
			statement.execute("""
					insert into booking (id, kind, status, practitioner_id, partner_id, patient_id, during, mode,
					                     appointment_type, version, created_at, updated_at)
					select id, 'APPOINTMENT', 'BOOKED', practitioner_id, partner_id, patient, during,
					       'IN_PERSON', 'consultation', 0, now(), now()
					from planned
					""");
			statement.execute(
					"""
							insert into booking_resource (booking_id, role, resource_id, buffer_before, buffer_after, during, live)
							select id, 'practitioner', practitioner_id, interval '0', interval '0', during, true from planned
							""");
			if (surgeries) {
				seedSurgeries(statement);
			}
			statement.execute("analyze");
		}
	}

}
