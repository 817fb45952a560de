package care.parcours.patient.observations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import care.parcours.platform.domain.RuleViolationException;

/**
 * Vital signs measured together, at one time, checked before anything is stored: every
 * value within its plausible range, a diastolic pressure below the systolic and never one
 * without the other, a time not in the future.
 *
 * @param effectiveAt when they were measured
 * @param values the measured values, in each sign's unit
 */
public record VitalSigns(Instant effectiveAt, Map<VitalSign, BigDecimal> values) {

	/** How far in the future a measurement time may be: clocks of devices drift. */
	public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** The most decimals a value keeps, as stored. */
	public static final int SCALE = 2;

	public VitalSigns {
		values = Map.copyOf(values);
	}

	/**
	 * @param now the current time, against which the measurement time is checked
	 * @throws ImplausibleVitalSigns naming every field that is wrong, and never its value
	 */
	public static VitalSigns of(Instant effectiveAt, Map<VitalSign, BigDecimal> values, Instant now) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (effectiveAt.isAfter(now.plus(CLOCK_SKEW))) {
			errors.add(error("effectiveAt", "must not be in the future"));
		}
		if (values.isEmpty()) {
			errors.add(error("", "at least one vital sign is required"));
		}
		Map<VitalSign, BigDecimal> checked = new EnumMap<>(VitalSign.class);
		values.forEach((sign, value) -> {
			if (!sign.isPlausible(value)) {
				errors.add(error(sign.field(), "must be between " + sign.min().toPlainString() + " and "
						+ sign.max().toPlainString() + " " + sign.unit()));
			}
			else if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
				errors.add(error(sign.field(), "must have at most " + SCALE + " decimals"));
			}
			else {
				checked.put(sign, value);
			}
		});
		BigDecimal systolic = values.get(VitalSign.SYSTOLIC_BLOOD_PRESSURE);
		BigDecimal diastolic = values.get(VitalSign.DIASTOLIC_BLOOD_PRESSURE);
		if ((systolic == null) != (diastolic == null)) {
			errors.add(error(
					systolic == null ? VitalSign.SYSTOLIC_BLOOD_PRESSURE.field()
							: VitalSign.DIASTOLIC_BLOOD_PRESSURE.field(),
					"blood pressure needs both systolic and diastolic"));
		}
		else if (systolic != null && diastolic.compareTo(systolic) >= 0) {
			errors.add(error(VitalSign.DIASTOLIC_BLOOD_PRESSURE.field(), "must be below the systolic pressure"));
		}
		if (!errors.isEmpty()) {
			throw new ImplausibleVitalSigns(errors);
		}
		return new VitalSigns(effectiveAt, checked);
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	/** Vital signs refused: a 422 whose {@code errors} name the fields. */
	public static final class ImplausibleVitalSigns extends RuleViolationException {

		ImplausibleVitalSigns(List<Map<String, String>> errors) {
			super("implausible-vital-signs",
					errors.size() == 1 ? "A vital sign is not plausible: " + errors.get(0).get("field") + " "
							+ errors.get(0).get("message") + "." : "Vital signs are not plausible.",
					Map.of("errors", List.copyOf(errors)));
		}

	}

}
