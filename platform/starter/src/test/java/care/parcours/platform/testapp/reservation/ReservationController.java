package care.parcours.platform.testapp.reservation;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.web.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP to a call and back, nothing more: no rules, no SQL, no error handling (the starter
 * answers every refusal as a problem). Every answer about a reservation carries its
 * version as the {@code ETag}; a change takes it back as {@code If-Match}.
 */
@RestController
@RequestMapping("/reservations")
class ReservationController {

	private final ReservationService service;

	ReservationController(ReservationService service) {
		this.service = service;
	}

	record ReservationForm(@NotNull UUID thingId, @NotNull LocalDate day) {

	}

	record ReservationView(UUID id, UUID thingId, LocalDate day, String status) {

		static ReservationView of(Reservation reservation) {
			return new ReservationView(reservation.id(), reservation.thingId(), reservation.day(),
					reservation.status().name());
		}

	}

	@PostMapping
	ResponseEntity<ReservationView> place(@Valid @RequestBody ReservationForm form) {
		Reservation placed = service.place(form.thingId(), form.day());
		return Versioned.created(URI.create("/reservations/" + placed.id()), placed.version(),
				ReservationView.of(placed));
	}

	@GetMapping("/{id}")
	ResponseEntity<ReservationView> get(@PathVariable UUID id) {
		return versioned(service.get(id));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<ReservationView> cancel(@PathVariable UUID id, ExpectedVersion expected) {
		return versioned(service.cancel(id, expected));
	}

	private static ResponseEntity<ReservationView> versioned(Reservation reservation) {
		return Versioned.ok(reservation.version(), ReservationView.of(reservation));
	}

}
