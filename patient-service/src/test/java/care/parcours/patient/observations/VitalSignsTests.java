package care.parcours.patient.observations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import care.parcours.patient.observations.VitalSigns.ImplausibleVitalSigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VitalSignsTests {

	static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

	@ParameterizedTest
	@CsvSource({ "SYSTOLIC_BLOOD_PRESSURE, 40, 300", "DIASTOLIC_BLOOD_PRESSURE, 20, 200", "BODY_WEIGHT, 0.3, 500",
			"BODY_HEIGHT, 20, 272", "BODY_TEMPERATURE, 25, 45", "HEART_RATE, 20, 300", "OXYGEN_SATURATION, 50, 100" })
	void eachRangeHoldsItsBoundsAndRefusesJustBeyondThem(VitalSign sign, BigDecimal min, BigDecimal max) {
		assertThat(sign.isPlausible(min)).isTrue();
		assertThat(sign.isPlausible(max)).isTrue();
		assertThat(sign.isPlausible(min.subtract(new BigDecimal("0.01")))).isFalse();
		assertThat(sign.isPlausible(max.add(new BigDecimal("0.01")))).isFalse();
	}

	@Test
	void eachSignHasItsLoincCodeAndUcumUnit() {
		assertThat(List.of(VitalSign.values())).extracting(VitalSign::loincCode, VitalSign::unit)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("8480-6", "mm[Hg]"),
					org.assertj.core.groups.Tuple.tuple("8462-4", "mm[Hg]"),
					org.assertj.core.groups.Tuple.tuple("29463-7", "kg"),
					org.assertj.core.groups.Tuple.tuple("8302-2", "cm"),
					org.assertj.core.groups.Tuple.tuple("8310-5", "Cel"),
					org.assertj.core.groups.Tuple.tuple("8867-4", "/min"),
					org.assertj.core.groups.Tuple.tuple("59408-5", "%"));
	}

	@Test
	void plausibleSignsAreKeptAsMeasured() {
		VitalSigns signs = VitalSigns.of(NOW.minus(Duration.ofMinutes(10)),
				Map.of(VitalSign.SYSTOLIC_BLOOD_PRESSURE, new BigDecimal("128"), VitalSign.DIASTOLIC_BLOOD_PRESSURE,
						new BigDecimal("84"), VitalSign.BODY_TEMPERATURE, new BigDecimal("37.2")),
				NOW);

		assertThat(signs.values()).containsEntry(VitalSign.BODY_TEMPERATURE, new BigDecimal("37.2")).hasSize(3);
	}

	@Test
	void aTemperatureTypedWithoutItsDecimalPointIsRefusedNamingTheFieldNotTheValue() {
		assertThatExceptionOfType(ImplausibleVitalSigns.class)
			.isThrownBy(() -> VitalSigns.of(NOW, Map.of(VitalSign.BODY_TEMPERATURE, new BigDecimal("372")), NOW))
			.satisfies(refusal -> {
				assertThat(refusal.problemType()).isEqualTo("implausible-vital-signs");
				assertThat(errors(refusal))
					.containsExactly(Map.of("field", "bodyTemperature", "message", "must be between 25 and 45 Cel"));
				assertThat(refusal.getMessage()).doesNotContain("372");
			});
	}

	@Test
	void everyImplausibleFieldIsNamedAtOnce() {
		assertThatExceptionOfType(ImplausibleVitalSigns.class)
			.isThrownBy(() -> VitalSigns.of(NOW,
					Map.of(VitalSign.BODY_WEIGHT, new BigDecimal("72000"), VitalSign.OXYGEN_SATURATION,
							new BigDecimal("101"), VitalSign.HEART_RATE, new BigDecimal("72")),
					NOW))
			.satisfies(refusal -> assertThat(errors(refusal)).extracting(error -> error.get("field"))
				.containsExactlyInAnyOrder("bodyWeight", "oxygenSaturation"));
	}

	@Test
	void bloodPressureNeedsBothValuesAndTheDiastolicBelowTheSystolic() {
		assertThatExceptionOfType(ImplausibleVitalSigns.class)
			.isThrownBy(() -> VitalSigns.of(NOW, Map.of(VitalSign.SYSTOLIC_BLOOD_PRESSURE, new BigDecimal("120")), NOW))
			.satisfies(refusal -> assertThat(errors(refusal)).extracting(error -> error.get("field"))
				.containsExactly("diastolicBloodPressure"));
		assertThatExceptionOfType(ImplausibleVitalSigns.class)
			.isThrownBy(() -> VitalSigns.of(NOW,
					Map.of(VitalSign.SYSTOLIC_BLOOD_PRESSURE, new BigDecimal("80"), VitalSign.DIASTOLIC_BLOOD_PRESSURE,
							new BigDecimal("120")),
					NOW))
			.satisfies(refusal -> assertThat(errors(refusal)).containsExactly(
					Map.of("field", "diastolicBloodPressure", "message", "must be below the systolic pressure")));
	}

	@Test
	void aMeasurementTimeMayBeAFewMinutesAheadForDriftingClocksButNotMore() {
		assertThat(
				VitalSigns.of(NOW.plus(VitalSigns.CLOCK_SKEW), Map.of(VitalSign.HEART_RATE, BigDecimal.TEN.pow(2)), NOW)
					.effectiveAt())
			.isEqualTo(NOW.plus(VitalSigns.CLOCK_SKEW));
		assertThatExceptionOfType(ImplausibleVitalSigns.class)
			.isThrownBy(() -> VitalSigns.of(NOW.plus(Duration.ofHours(1)),
					Map.of(VitalSign.HEART_RATE, new BigDecimal("72")), NOW))
			.satisfies(refusal -> assertThat(errors(refusal)).extracting(error -> error.get("field"))
				.containsExactly("effectiveAt"));
	}

	@Test
	void noSignAtAllIsRefused() {
		assertThatExceptionOfType(ImplausibleVitalSigns.class).isThrownBy(() -> VitalSigns.of(NOW, Map.of(), NOW));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> errors(ImplausibleVitalSigns refusal) {
		return (List<Map<String, String>>) refusal.properties().get("errors");
	}

}
