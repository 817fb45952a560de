package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import care.parcours.scheduling.availability.Mode;
import org.jspecify.annotations.Nullable;

/** How holds and appointments are shown. */
final class BookingViews {

	private BookingViews() {
	}

	record TeleconsultationView(URI joinUrl, Instant expiresAt) {

	}

	record BookingView(UUID id, Booking.Kind kind, BookingStatus status, UUID practitionerId, UUID partnerId,
			UUID patientId, String appointmentType, Mode mode, Instant start, Instant end, @Nullable Instant expiresAt,
			@Nullable CancelReason cancelReason, @Nullable UUID chainId, @Nullable UUID pathwayId,
			@Nullable UUID stepId, @Nullable TeleconsultationView teleconsultation, long version) {

	}

	static BookingView of(Booking booking, TeleconsultationLinks links) {
		TeleconsultationView teleconsultation = booking.joinToken() == null ? null
				: new TeleconsultationView(links.joinUrl(booking.joinToken()), links.expiresAt(booking));
		return new BookingView(booking.id(), booking.kind(), booking.status(), booking.claim().practitionerId(),
				booking.claim().partnerId(), booking.claim().patientId(), booking.claim().appointmentType(),
				booking.claim().mode(), booking.during().start(), booking.during().end(), booking.expiresAt(),
				booking.cancelReason(), booking.chainId(), booking.pathwayId(), booking.stepId(), teleconsultation,
				booking.version());
	}

}
