package care.parcours.patient.observations;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The vital signs taken before a consultation, each with its LOINC code, its UCUM unit
 * and the range a measured value must fall in to be believed. The ranges are wide on
 * purpose: they catch a value typed in the wrong unit or with a digit too many (a
 * temperature of 368, a weight in grams), not an alarming one, which is exactly what must
 * be recorded.
 */
public enum VitalSign {

	SYSTOLIC_BLOOD_PRESSURE("systolicBloodPressure", "8480-6", "Systolic blood pressure", "mm[Hg]", "40", "300"),
	DIASTOLIC_BLOOD_PRESSURE("diastolicBloodPressure", "8462-4", "Diastolic blood pressure", "mm[Hg]", "20", "200"),
	BODY_WEIGHT("bodyWeight", "29463-7", "Body weight", "kg", "0.3", "500"),
	BODY_HEIGHT("bodyHeight", "8302-2", "Body height", "cm", "20", "272"),
	BODY_TEMPERATURE("bodyTemperature", "8310-5", "Body temperature", "Cel", "25", "45"),
	HEART_RATE("heartRate", "8867-4", "Heart rate", "/min", "20", "300"), OXYGEN_SATURATION("oxygenSaturation",
			"59408-5", "Oxygen saturation in arterial blood by pulse oximetry", "%", "50", "100");

	/** The code system of {@link #loincCode()}. */
	public static final String LOINC = "http://loinc.org";

	private final String field;

	private final String loincCode;

	private final String display;

	private final String unit;

	private final BigDecimal min;

	private final BigDecimal max;

	VitalSign(String field, String loincCode, String display, String unit, String min, String max) {
		this.field = field;
		this.loincCode = loincCode;
		this.display = display;
		this.unit = unit;
		this.min = new BigDecimal(min);
		this.max = new BigDecimal(max);
	}

	/** The name of the field that carries it in a request. */
	public String field() {
		return field;
	}

	public String loincCode() {
		return loincCode;
	}

	public String display() {
		return display;
	}

	/** The UCUM unit its values are in. */
	public String unit() {
		return unit;
	}

	public BigDecimal min() {
		return min;
	}

	public BigDecimal max() {
		return max;
	}

	/** Whether a value measured in {@link #unit()} is believable. */
	public boolean isPlausible(BigDecimal value) {
		return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
	}

	public static Optional<VitalSign> ofLoincCode(String code) {
		return Arrays.stream(values()).filter(sign -> sign.loincCode.equals(code)).findFirst();
	}

}
