package care.parcours.scheduling.availability;

import java.time.Duration;
import java.util.UUID;

import care.parcours.scheduling.resources.ResourceCopy;
import org.jspecify.annotations.Nullable;

/**
 * A resource an appointment type needs besides the practitioner: a named one, or any the
 * practitioner's partner offers of a kind (speaking a language, for an interpreter; of a
 * specialty, for another practitioner such as an anaesthetist). The buffers hold the
 * resource before and after the appointment (a room's cleaning).
 *
 * @param role what the resource is for in the appointment, such as {@code room}
 * @param kind the resource kind partner-service names, such as {@code OPERATING_ROOM}, or
 * {@code PRACTITIONER} for another practitioner
 * @param resourceId the one resource (or practitioner) to book, or {@code null} for any
 * free one of the kind
 * @param language an ISO 639-1 code the resource must speak, or {@code null}
 * @param specialty a specialty code the resource must have, such as
 * {@code anaesthesiology}, or {@code null}
 * @param bufferBefore how long the resource is held before the appointment starts
 * @param bufferAfter how long it is held after the appointment ends
 */
public record RequiredRole(String role, String kind, @Nullable UUID resourceId, @Nullable String language,
		@Nullable String specialty, Duration bufferBefore, Duration bufferAfter) {

	/** Names the practitioner's own part in every booking; no required role takes it. */
	public static final String PRACTITIONER = "practitioner";

	public RequiredRole {
		if (bufferBefore.isNegative() || bufferAfter.isNegative()) {
			throw new IllegalArgumentException("buffers are never negative");
		}
	}

	/** A role filled by a resource other than a practitioner, of no specialty. */
	public RequiredRole(String role, String kind, @Nullable UUID resourceId, @Nullable String language,
			Duration bufferBefore, Duration bufferAfter) {
		this(role, kind, resourceId, language, null, bufferBefore, bufferAfter);
	}

	/** Whether another practitioner fills it, such as an anaesthetist. */
	public boolean takesPractitioner() {
		return ResourceCopy.PRACTITIONER.equals(kind);
	}

	/** The time the resource is held for an appointment at {@code during}. */
	public TimeRange around(TimeRange during) {
		return new TimeRange(during.start().minus(bufferBefore), during.end().plus(bufferAfter));
	}

}
