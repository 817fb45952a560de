package care.parcours.patient.observations;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.observations.Observations.CodedEntry;
import care.parcours.patient.observations.Observations.Observation;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{patientId}")
@Tag(name = "Observations",
		description = "Vital signs before a consultation (LOINC codes, UCUM units, plausibility "
				+ "ranges), allergies and current medication as coded lists; every write and read audited")
@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
class ObservationController {

	private final Observations observations;

	private final Clock clock;

	ObservationController(Observations observations, Clock clock) {
		this.observations = observations;
		this.clock = clock;
	}

	@PostMapping("/vital-signs")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Record vital signs",
			description = "Values measured together at effectiveAt (now when absent; not in the future beyond five "
					+ "minutes), each in its field's fixed UCUM unit: blood pressure in mm[Hg] (systolic and "
					+ "diastolic together, diastolic below systolic), weight in kg, height in cm, temperature in Cel, "
					+ "heart rate in /min, oxygen saturation in %. A value outside its plausible range is a 422 "
					+ "implausible-vital-signs naming the field, and nothing is stored.")
	ResponseEntity<List<ObservationView>> record(@PathVariable UUID patientId, @Valid @RequestBody VitalSignsForm form,
			Accessor accessor) {
		Instant now = clock.instant();
		VitalSigns signs = VitalSigns.of(form.effectiveAt() == null ? now : form.effectiveAt(), form.values(), now);
		List<ObservationView> recorded = observations.record(patientId, signs, accessor)
			.stream()
			.map(ObservationView::of)
			.toList();
		return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/vital-signs")).body(recorded);
	}

	@GetMapping("/vital-signs")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's vital signs",
			description = "One item per measured value, the latest measurement first. Audited.")
	Page<ObservationView> vitalSigns(@PathVariable UUID patientId, PageQuery page, Accessor accessor) {
		return observations.vitalSigns(patientId, page, accessor).map(ObservationView::of);
	}

	@PostMapping("/allergies")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Record an allergy",
			description = "A SNOMED CT concept (check digit verified) or an ATC code (a drug class), with the text "
					+ "shown for it, sealed with the patient's data key. Audited.")
	ResponseEntity<CodedEntryView> addAllergy(@PathVariable UUID patientId, @Valid @RequestBody CodedEntryForm form,
			Accessor accessor) {
		return added(patientId, CodedList.ALLERGY, "allergies", form, accessor);
	}

	@GetMapping("/allergies")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's allergies", description = "The latest recorded first. Audited.")
	Page<CodedEntryView> allergies(@PathVariable UUID patientId, PageQuery page, Accessor accessor) {
		return observations.entries(patientId, CodedList.ALLERGY, page, accessor).map(CodedEntryView::of);
	}

	@PostMapping("/medications")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Record a current medication",
			description = "An ATC code (any level, N02BE01 for paracetamol) or a SNOMED CT product, with the text "
					+ "shown for it, sealed with the patient's data key. Audited.")
	ResponseEntity<CodedEntryView> addMedication(@PathVariable UUID patientId, @Valid @RequestBody CodedEntryForm form,
			Accessor accessor) {
		return added(patientId, CodedList.MEDICATION, "medications", form, accessor);
	}

	@GetMapping("/medications")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's current medication", description = "The latest recorded first. Audited.")
	Page<CodedEntryView> medications(@PathVariable UUID patientId, PageQuery page, Accessor accessor) {
		return observations.entries(patientId, CodedList.MEDICATION, page, accessor).map(CodedEntryView::of);
	}

	private ResponseEntity<CodedEntryView> added(UUID patientId, CodedList list, String path, CodedEntryForm form,
			Accessor accessor) {
		CodedConcept concept = new CodedConcept(form.system(), form.code(), form.display());
		CodedEntry entry = observations.add(patientId, list, concept, accessor);
		return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/" + path))
			.body(CodedEntryView.of(entry));
	}

	/** Vital signs measured together; at least one. */
	record VitalSignsForm(
			@Schema(description = "When they were measured; now when absent") @Nullable Instant effectiveAt,
			@Schema(description = "mm[Hg], LOINC 8480-6, 40 to 300") @Nullable BigDecimal systolicBloodPressure,
			@Schema(description = "mm[Hg], LOINC 8462-4, 20 to 200") @Nullable BigDecimal diastolicBloodPressure,
			@Schema(description = "kg, LOINC 29463-7, 0.3 to 500") @Nullable BigDecimal bodyWeight,
			@Schema(description = "cm, LOINC 8302-2, 20 to 272") @Nullable BigDecimal bodyHeight,
			@Schema(description = "Cel, LOINC 8310-5, 25 to 45") @Nullable BigDecimal bodyTemperature,
			@Schema(description = "/min, LOINC 8867-4, 20 to 300") @Nullable BigDecimal heartRate,
			@Schema(description = "%, LOINC 59408-5, 50 to 100") @Nullable BigDecimal oxygenSaturation) {

		Map<VitalSign, BigDecimal> values() {
			Map<VitalSign, BigDecimal> values = new EnumMap<>(VitalSign.class);
			put(values, VitalSign.SYSTOLIC_BLOOD_PRESSURE, systolicBloodPressure);
			put(values, VitalSign.DIASTOLIC_BLOOD_PRESSURE, diastolicBloodPressure);
			put(values, VitalSign.BODY_WEIGHT, bodyWeight);
			put(values, VitalSign.BODY_HEIGHT, bodyHeight);
			put(values, VitalSign.BODY_TEMPERATURE, bodyTemperature);
			put(values, VitalSign.HEART_RATE, heartRate);
			put(values, VitalSign.OXYGEN_SATURATION, oxygenSaturation);
			return values;
		}

		private static void put(Map<VitalSign, BigDecimal> values, VitalSign sign, @Nullable BigDecimal value) {
			if (value != null) {
				values.put(sign, value);
			}
		}

	}

	/** One measured value, coded. */
	record ObservationView(UUID id, String system, String code, String display, BigDecimal value, String unit,
			Instant effectiveAt, Instant recordedAt, String recordedBy) {

		static ObservationView of(Observation observation) {
			VitalSign sign = observation.sign();
			return new ObservationView(observation.id(), VitalSign.LOINC, sign.loincCode(), sign.display(),
					observation.value(), sign.unit(), observation.effectiveAt(), observation.recordedAt(),
					observation.recordedBy());
		}

	}

	/** An allergy or a medication as entered. */
	record CodedEntryForm(@NotNull CodeSystem system, @NotNull @Size(min = 1, max = CodedConcept.MAX_CODE) String code,
			@NotNull @Size(min = 1, max = CodedConcept.MAX_DISPLAY) String display) {

	}

	/** An entry of an allergy or medication list. */
	record CodedEntryView(UUID id, CodeSystem system, String systemUri, String code, String display, Instant recordedAt,
			String recordedBy) {

		static CodedEntryView of(CodedEntry entry) {
			CodedConcept concept = entry.concept();
			return new CodedEntryView(entry.id(), concept.system(), concept.system().uri(), concept.code(),
					concept.display(), entry.recordedAt(), entry.recordedBy());
		}

	}

}
