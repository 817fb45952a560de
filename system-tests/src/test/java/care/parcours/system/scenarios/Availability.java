package care.parcours.system.scenarios;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practitioner's availability as the scenarios open it through the gateway: the same
 * hours every day of the week, once scheduling-service has opened the practitioner's
 * schedule on hearing of them.
 */
final class Availability {

	private Availability() {
	}

	/**
	 * Every day from {@code start} to {@code end} local time in the given modes, valid
	 * from {@code validFrom}, for the appointment types given as JSON objects.
	 */
	static void openEveryDay(Gateway caller, String practitionerId, String start, String end, List<String> modes,
			LocalDate validFrom, String appointmentTypes) {
		String availability = "/api/schedules/" + practitionerId + "/availability";
		Gateway.Answer schedule = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> caller.get(availability), answer -> answer.status() == 200);
		String modesJson = modes.stream().map(mode -> "\"" + mode + "\"").collect(Collectors.joining(", "));
		String rules = Arrays.stream(DayOfWeek.values())
			.map(day -> """
					{"day": "%s", "start": "%s", "end": "%s", "modes": [%s], "validFrom": "%s"}""".formatted(day, start,
					end, modesJson, validFrom))
			.collect(Collectors.joining(", "));
		Gateway.Answer opened = caller.put(availability, """
				{"appointmentTypes": [%s],
				 "weeklyRules": [%s]}
				""".formatted(appointmentTypes, rules), schedule.etag());
		assertThat(opened.status()).as("%s", opened.body()).isEqualTo(200);
	}

}
