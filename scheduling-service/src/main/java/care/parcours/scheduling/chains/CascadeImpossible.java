package care.parcours.scheduling.chains;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.booking.Booking;

/** No plan moves the chain: names the step that cannot move and why. */
final class CascadeImpossible extends RuleViolationException {

	CascadeImpossible(CascadePlanner.Impossible impossible, Map<UUID, Booking> appointments) {
		super("cascade-impossible", describe(impossible, appointments.get(impossible.step())), properties(impossible));
	}

	private static String describe(CascadePlanner.Impossible impossible, Booking step) {
		String window = impossible.window() == null ? ""
				: " between " + impossible.window().start() + " and " + impossible.window().end().minusSeconds(1);
		return "Appointment " + step.id() + " ('" + step.claim().appointmentType() + "' with practitioner "
				+ step.claim().practitionerId() + ") cannot move" + window + ": " + impossible.reason() + ".";
	}

	private static Map<String, Object> properties(CascadePlanner.Impossible impossible) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("step", impossible.step().toString());
		properties.put("reason", impossible.reason());
		if (impossible.window() != null) {
			properties.put("windowStart", impossible.window().start().toString());
			properties.put("windowEnd", impossible.window().end().minusSeconds(1).toString());
		}
		return properties;
	}

}
