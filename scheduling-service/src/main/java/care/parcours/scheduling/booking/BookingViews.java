package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.security.Caller;
import care.parcours.scheduling.availability.Mode;
import org.jspecify.annotations.Nullable;

/** How holds and appointments are shown. */
final class BookingViews {

	private BookingViews() {
	}

	record TeleconsultationView(URI joinUrl, Instant expiresAt) {

	}

	/**
	 * A resource the booking takes.
	 *
	 * @param role the role it fills, {@code practitioner} for the booking's own
	 * @param resourceId the practitioner or resource
	 * @param partnerId the partner it belongs to, when known
	 */
	record ResourceView(String role, UUID resourceId, @Nullable UUID partnerId) {

	}

	/**
	 * A hold or an appointment; {@code resources} are those it takes, its practitioner
	 * included, and for a partner caller only that partner's own.
	 */
	record BookingView(UUID id, Booking.Kind kind, BookingStatus status, UUID practitionerId, UUID partnerId,
			UUID patientId, String appointmentType, Mode mode, Instant start, Instant end, @Nullable Instant expiresAt,
			@Nullable CancelReason cancelReason, @Nullable UUID chainId, @Nullable UUID pathwayId,
			@Nullable UUID stepId, @Nullable TeleconsultationView teleconsultation, List<ResourceView> resources,
			long version) {

	}

	/**
	 * Whether a caller may see a booking: staff see all; a partner those at its
	 * organisation and those that hold one of its resources.
	 */
	static boolean maySee(Caller caller, Booking booking, List<TakenResource> resources) {
		Set<UUID> concerned = new HashSet<>();
		concerned.add(booking.claim().partnerId());
		resources.stream()
			.filter(TakenResource::live)
			.map(TakenResource::partnerId)
			.filter(Objects::nonNull)
			.forEach(concerned::add);
		return caller.maySee(concerned);
	}

	/**
	 * The booking as the caller sees it: a partner sees only its own resources of it, not
	 * which rooms or interpreters of other partners it takes.
	 */
	static BookingView of(Booking booking, TeleconsultationLinks links, List<TakenResource> resources, Caller caller) {
		List<ResourceView> shown = resources.stream()
			.filter(resource -> caller.partnerId().map(resource::ownedBy).orElse(true))
			.map(resource -> new ResourceView(resource.role(), resource.resourceId(), resource.partnerId()))
			.toList();
		TeleconsultationView teleconsultation = booking.joinToken() == null ? null
				: new TeleconsultationView(links.joinUrl(booking.joinToken()), links.expiresAt(booking));
		return new BookingView(booking.id(), booking.kind(), booking.status(), booking.claim().practitionerId(),
				booking.claim().partnerId(), booking.claim().patientId(), booking.claim().appointmentType(),
				booking.claim().mode(), booking.during().start(), booking.during().end(), booking.expiresAt(),
				booking.cancelReason(), booking.chainId(), booking.pathwayId(), booking.stepId(), teleconsultation,
				shown, booking.version());
	}

}
