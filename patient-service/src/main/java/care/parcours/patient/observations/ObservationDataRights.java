package care.parcours.patient.observations;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.patient.PatientDataErasure;
import care.parcours.patient.PatientDataExport;
import care.parcours.patient.observations.ObservationController.CodedEntryView;
import care.parcours.patient.observations.ObservationController.ObservationView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observations in a patient's export (vital signs, allergies, medication, each its own
 * section, as the API shows them, displays opened) and in their erasure (every row
 * deleted).
 */
@Configuration(proxyBeanMethods = false)
class ObservationDataRights {

	@Bean
	PatientDataExport vitalSignsExport(Observations observations) {
		return new Section("vitalSigns",
				patientId -> observations.allVitalSigns(patientId).stream().map(ObservationView::of).toList());
	}

	@Bean
	PatientDataExport allergiesExport(Observations observations) {
		return new Section("allergies", patientId -> entries(observations, patientId, CodedList.ALLERGY));
	}

	@Bean
	PatientDataExport medicationExport(Observations observations) {
		return new Section("medication", patientId -> entries(observations, patientId, CodedList.MEDICATION));
	}

	@Bean
	PatientDataErasure observationsErasure(Observations observations) {
		return observations::erase;
	}

	private static List<CodedEntryView> entries(Observations observations, UUID patientId, CodedList list) {
		return observations.allEntries(patientId, list).stream().map(CodedEntryView::of).toList();
	}

	/** One section of the export, named, and how it is read. */
	private record Section(String section, Function<UUID, Object> reader) implements PatientDataExport {

		@Override
		public Object export(UUID patientId) {
			return reader.apply(patientId);
		}

	}

}
