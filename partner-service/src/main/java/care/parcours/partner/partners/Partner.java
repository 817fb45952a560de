package care.parcours.partner.partners;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;

/**
 * A partner of the network as it stands at {@code version}. Every change returns the next
 * version with the event that describes it.
 *
 * @param id the partner's id
 * @param kind hospital, clinic, care centre or a kind of service provider; fixed at
 * registration
 * @param timeZone the zone the premises keep time in; fixed at registration
 * @param status where the partner stands with the network
 * @param profile what can be edited
 * @param version incremented by every change
 * @param registeredAt when the partner joined
 */
public record Partner(UUID id, PartnerKind kind, ZoneId timeZone, OnboardingStatus status, PartnerProfile profile,
		long version, Instant registeredAt) {

	public Partner {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(timeZone, "timeZone");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(profile, "profile");
	}

	/** A change of a partner: its next version and the event announcing it. */
	public record Change(Partner partner, PartnerEvent event) {

	}

	/** A new partner, onboarding, at version 0. */
	public static Partner register(UUID id, PartnerKind kind, ZoneId timeZone, PartnerProfile profile, Instant now) {
		return new Partner(id, kind, timeZone, OnboardingStatus.ONBOARDING, profile, 0, now);
	}

	/** The event announcing this partner; its name, street and contacts stay here. */
	public PartnerRegistered registered() {
		return new PartnerRegistered(id, kind.name(), country(), city(), timeZone.getId(), profile.specialties(),
				profile.languages());
	}

	/** Replaces what can be edited, whatever the status. */
	public Change revise(PartnerProfile revised) {
		Partner next = new Partner(id, kind, timeZone, status, revised, version + 1, registeredAt);
		return new Change(next, new PartnerUpdated(id, kind.name(), next.country(), next.city(), timeZone.getId(),
				revised.specialties(), revised.languages()));
	}

	/**
	 * Opens the partner to patients, at the end of onboarding or after a suspension.
	 * @throws StatusUnchanged when it is active already
	 */
	public Change activate() {
		return switch (status) {
			case ONBOARDING, SUSPENDED -> new Change(withStatus(OnboardingStatus.ACTIVE), new PartnerActivated(id));
			case ACTIVE -> throw new StatusUnchanged(this);
		};
	}

	/**
	 * Takes the partner out of matching, while onboarding or active.
	 * @throws StatusUnchanged when it is suspended already
	 */
	public Change suspend() {
		return switch (status) {
			case ONBOARDING, ACTIVE -> new Change(withStatus(OnboardingStatus.SUSPENDED), new PartnerSuspended(id));
			case SUSPENDED -> throw new StatusUnchanged(this);
		};
	}

	/**
	 * Moves the partner to the status a coordinator asked for.
	 * @throws StatusUnchanged when it has that status already
	 * @throws OnboardingIsOver when asked to go back to onboarding
	 */
	public Change moveTo(OnboardingStatus target) {
		if (target == status) {
			throw new StatusUnchanged(this);
		}
		return switch (target) {
			case ACTIVE -> activate();
			case SUSPENDED -> suspend();
			case ONBOARDING -> throw new OnboardingIsOver(this);
		};
	}

	public String name() {
		return profile.name();
	}

	public String country() {
		return profile.address().country();
	}

	public String city() {
		return profile.address().city();
	}

	private Partner withStatus(OnboardingStatus next) {
		return new Partner(id, kind, timeZone, next, profile, version + 1, registeredAt);
	}

	/** A transition to the status the partner already has: nothing would change. */
	public static final class StatusUnchanged extends ConflictException {

		StatusUnchanged(Partner partner) {
			super("partner-status-unchanged", "Partner " + partner.id() + " is " + partner.status() + " already.");
		}

	}

	/** Onboarding happens once: a partner that left it is active or suspended. */
	public static final class OnboardingIsOver extends RuleViolationException {

		OnboardingIsOver(Partner partner) {
			super("partner-onboarding-over", "Partner " + partner.id() + " is " + partner.status()
					+ "; it cannot go back to ONBOARDING. Suspend it instead.");
		}

	}

}
