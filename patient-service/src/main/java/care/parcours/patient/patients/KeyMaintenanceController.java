package care.parcours.patient.patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Patient keys", description = "Rotation of the master keyset that wraps every patient's data key")
class KeyMaintenanceController {

	private final KeyMaintenance maintenance;

	KeyMaintenanceController(KeyMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@PostMapping("/api/patients/keys/rewrap")
	@Operation(summary = "Rewrap every data key with the primary master key",
			description = "After a new primary key was added to the master keyset: rewraps the data keys older keys "
					+ "wrap and moves records still under the pre-envelope service key to data keys of their own. "
					+ "When remaining is 0, the old master keys (and the service key) can be removed.")
	KeyMaintenance.Outcome rewrap() {
		return maintenance.run();
	}

}
