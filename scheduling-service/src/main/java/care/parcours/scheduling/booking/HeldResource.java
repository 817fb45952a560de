package care.parcours.scheduling.booking;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;

/**
 * A resource a booking takes besides its practitioner, for one role of its type.
 *
 * @param role the role it fills, such as {@code room}
 * @param resourceId the resource chosen
 * @param bufferBefore how long before the appointment it is held
 * @param bufferAfter how long after
 * @param practitioner whether it is a practitioner taken in a role (an anaesthetist),
 * held only within their own availability; other resources have no duty hours to read
 */
public record HeldResource(String role, UUID resourceId, Duration bufferBefore, Duration bufferAfter,
		boolean practitioner) {

	static HeldResource of(RequiredRole role, UUID resourceId) {
		return new HeldResource(role.role(), resourceId, role.bufferBefore(), role.bufferAfter(),
				role.takesPractitioner());
	}

	/** Another resource of the same role, taken instead of this one. */
	HeldResource exchangedFor(UUID other) {
		return new HeldResource(role, other, bufferBefore, bufferAfter, practitioner);
	}

	/**
	 * The time any of the resources is held for an appointment at {@code during}: the
	 * appointment's, widened by the longest buffers.
	 */
	static TimeRange widest(List<HeldResource> resources, TimeRange during) {
		Duration before = resources.stream()
			.map(HeldResource::bufferBefore)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		Duration after = resources.stream()
			.map(HeldResource::bufferAfter)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		return new TimeRange(during.start().minus(before), during.end().plus(after));
	}

	/** The time the resource is held for an appointment at {@code during}. */
	TimeRange around(TimeRange during) {
		return new TimeRange(during.start().minus(bufferBefore), during.end().plus(bufferAfter));
	}

}
