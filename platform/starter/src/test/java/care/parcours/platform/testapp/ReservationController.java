package care.parcours.platform.testapp;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reserves things with no error handling of its own: the starter translates refusals. */
@RestController
class ReservationController {

	private final Reservations reservations;

	ReservationController(Reservations reservations) {
		this.reservations = reservations;
	}

	record ReservationForm(@NotNull LocalDate day) {

	}

	@PostMapping("/things/{id}/reservations")
	@ResponseStatus(HttpStatus.CREATED)
	void reserve(@PathVariable UUID id, @Valid @RequestBody ReservationForm form) {
		reservations.reserve(new Reservations.Reservation(id, form.day()));
	}

}
