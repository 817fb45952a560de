package care.parcours.scheduling.booking;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a single-practitioner booking or hold costs the database, statement by statement:
 * the service's throughput (./bench booking) is mostly its statements. The SQL the
 * request threads prepare is recorded; background work (the outbox relay, consumers, hold
 * expiry) runs on other threads and is left out.
 */
@ParcoursTest
@WithMutableClock
class BookingStatementsIT extends SurgeonAndPatient {

	private static final Queue<String> PREPARED = new ConcurrentLinkedQueue<>();

	@Test
	void aSinglePractitionerBookingReadsTheScheduleOnceAndAnswersWithoutReadingItsResourcesBack() {
		createsReadingTheScheduleOnceAndNotItsResources("/api/appointments", "09:30", "");
	}

	@Test
	void aSinglePractitionerHoldReadsTheScheduleOnceAndAnswersWithoutReadingItsResourcesBack() {
		createsReadingTheScheduleOnceAndNotItsResources("/api/slots/holds", "10:30", ", \"holdMinutes\": 10");
	}

	@Test
	void movingASurgeryThatTakesNoPractitionerInARoleReadsNoOnesDutyHours() {
		Practitioner withRoom = new MultiResourceFixtures(http, jdbc, fixtures).surgeon();
		UUID surgery = fixtures.book(withRoom, patient, weekdayAt(withRoom, 3, "10:00"), "surgery", "IN_PERSON");
		String version = fixtures.etag("/api/appointments/{id}", surgery);
		PREPARED.clear();

		http.post()
			.uri("/api/appointments/{id}/reschedule", surgery)
			.header(HttpHeaders.IF_MATCH, version)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + weekdayAt(withRoom, 3, "14:00") + "\"}")
			.exchange()
			.expectStatus()
			.isOk();

		// The surgeon's own availability, read once to check the new time; the room and
		// the interpreter have no duty hours to read.
		assertThat(List.copyOf(PREPARED)).filteredOn(sql -> sql.contains("left join availability_exception"))
			.hasSize(1);
	}

	/**
	 * Creates a consultation of the surgeon's (an appointment or a hold, by {@code uri})
	 * at the local time on the third weekday, and checks the statements it prepared and
	 * the resources it answers with, which a read of it gives back the same.
	 */
	private void createsReadingTheScheduleOnceAndNotItsResources(String uri, String localTime, String more) {
		Instant start = weekdayAt(surgeon, 3, localTime);
		PREPARED.clear();

		Map<?, ?> answer = post(uri, start, more);

		List<String> statements = List.copyOf(PREPARED);
		assertThat(statements).filteredOn(sql -> sql.contains("from schedule")).hasSize(1);
		assertThat(statements).filteredOn(sql -> sql.contains("from booking_resource") && !expiresLapsedHolds(sql))
			.isEmpty();
		assertThat(statements).hasSize(5);
		assertThat(answer.get("resources")).isEqualTo(List.of(Map.of("role", "practitioner", "resourceId",
				surgeon.id().toString(), "partnerId", surgeon.partnerId().toString())));
		assertThat(answer.get("resources")).isEqualTo(get(uri + "/" + answer.get("id")).get("resources"));
	}

	/**
	 * Whether the statement is the expiry of lapsed holds before writing: it looks in
	 * {@code booking_resource} for a hold taking the practitioner in another's role (an
	 * anaesthetist), which a booking must expire, not read back.
	 */
	private static boolean expiresLapsedHolds(String sql) {
		return sql.contains("where status = 'HELD' and expires_at <= ?");
	}

	private Map<?, ?> post(String uri, Instant start, String more) {
		return http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
					 "mode": "IN_PERSON"%s}
					""".formatted(surgeon.id(), patient, start, more))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> get(String uri) {
		return okJson(http.get().uri(uri));
	}

	/**
	 * Records the SQL of every statement prepared on a request thread (Tomcat's), from
	 * any connection of the service's pool.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedStatements {

		@Bean
		static BeanPostProcessor recordingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource ? recording(dataSource) : bean;
				}
			};
		}

		private static DataSource recording(DataSource target) {
			return proxy(DataSource.class, target, (method, args,
					result) -> result instanceof Connection connection && method.getName().equals("getConnection")
							? recording(connection) : result);
		}

		private static Connection recording(Connection target) {
			return proxy(Connection.class, target, (method, args, result) -> {
				if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
						&& Thread.currentThread().getName().startsWith("tomcat-handler")) {
					PREPARED.add(sql);
				}
				return result;
			});
		}

		private interface After {

			Object apply(Method method, Object[] args, Object result);

		}

		private static <T> T proxy(Class<T> type, T target, After after) {
			return type
				.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
					try {
						return after.apply(method, args, method.invoke(target, args));
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}));
		}

	}

}
