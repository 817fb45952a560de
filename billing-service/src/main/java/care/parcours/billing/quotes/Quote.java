package care.parcours.billing.quotes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.events.billing.BillingEvent;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A quote for a patient's care pathway, in versions. A draft is edited in place; editing
 * a sent version drafts the next one and supersedes it; the patient accepts one sent
 * version, once, before its validity date; a sent version nobody accepted expires. Every
 * change returns the quote after it, the events it causes and the versions whose terms it
 * wrote.
 *
 * @param id the quote
 * @param patientId for whom (an id only: no personal data in billing)
 * @param partnerId the partner it is from, whose tariffs price it
 * @param pathwayId the care pathway it prices
 * @param stepId the pathway's step, if it prices one
 * @param versions every version, the first first
 * @param version counts every change (ETag)
 * @param createdAt when it was first drafted
 */
public record Quote(UUID id, UUID patientId, UUID partnerId, UUID pathwayId, @Nullable UUID stepId,
		List<QuoteVersion> versions, long version, Instant createdAt) {

	public Quote {
		versions = List.copyOf(versions);
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("a quote has at least one version");
		}
	}

	/**
	 * A quote after a change.
	 *
	 * @param quote the quote after it
	 * @param events what to announce
	 * @param written the versions whose terms were written (drafted or redrafted)
	 */
	public record Change(Quote quote, List<BillingEvent> events, Set<Integer> written) {

		/** Nothing happened: a repeated acceptance, say. */
		boolean changedNothing() {
			return events.isEmpty() && written.isEmpty();
		}

	}

	/** Checks that the insurers who must approve a version first have approved it. */
	@FunctionalInterface
	public interface Approvals {

		/**
		 * @throws RuleViolationException when an approval is missing
		 */
		void require(UUID quoteId, int version, CoverageSplit split);

	}

	static Change draft(UUID id, UUID patientId, UUID partnerId, UUID pathwayId, @Nullable UUID stepId, Terms terms,
			Instant expiresAt, Instant now) {
		QuoteVersion first = new QuoteVersion(1, QuoteStatus.DRAFT, terms, expiresAt, now, null, null);
		return new Change(new Quote(id, patientId, partnerId, pathwayId, stepId, List.of(first), 0, now), List.of(),
				Set.of(1));
	}

	public QuoteVersion latest() {
		return versions.getLast();
	}

	public QuoteStatus status() {
		return latest().status();
	}

	public QuoteVersion version(int number) {
		if (number < 1 || number > versions.size()) {
			throw new VersionNotFound(id, number);
		}
		return versions.get(number - 1);
	}

	public @Nullable QuoteVersion accepted() {
		return versions.stream().filter(v -> v.status() == QuoteStatus.ACCEPTED).findFirst().orElse(null);
	}

	/**
	 * New terms: a draft is rewritten in place; a sent version is superseded by a new
	 * draft; after a rejection or an expiry a new draft is offered.
	 */
	Change revise(Terms terms, Instant expiresAt, Instant now) {
		QuoteVersion latest = latest();
		List<QuoteVersion> next = new ArrayList<>(versions);
		int number = switch (latest.status()) {
			case DRAFT -> {
				next.removeLast();
				yield latest.number();
			}
			case SENT -> {
				next.set(next.size() - 1, latest.close(QuoteStatus.SUPERSEDED, now));
				yield latest.number() + 1;
			}
			case REJECTED, EXPIRED -> latest.number() + 1;
			case ACCEPTED, SUPERSEDED -> throw new InvalidTransition(this, latest, "revised");
		};
		next.add(new QuoteVersion(number, QuoteStatus.DRAFT, terms, expiresAt, now, null, null));
		return new Change(with(next), List.of(), Set.of(number));
	}

	/**
	 * Sends the draft to the patient, with who pays what as it stands now.
	 */
	Change send(CoverageSplit split, Instant now) {
		QuoteVersion draft = latest();
		if (draft.status() != QuoteStatus.DRAFT) {
			throw new InvalidTransition(this, draft, "sent");
		}
		if (draft.lapsedAt(now)) {
			throw new RuleViolationException("validity-past", "Version " + draft.number() + " of quote " + id
					+ " was valid until " + draft.terms().validUntil() + ": give it a later validity date first.");
		}
		Terms terms = draft.terms().splitAs(split);
		QuoteVersion sent = new QuoteVersion(draft.number(), QuoteStatus.SENT, terms, draft.expiresAt(),
				draft.createdAt(), now, null);
		List<QuoteVersion> next = new ArrayList<>(versions);
		next.set(next.size() - 1, sent);
		return new Change(with(next),
				List.of(new QuoteSent(id, sent.number(), patientId, partnerId, code(terms),
						terms.total().amount().toPlainString(), terms.split().insurersTotal().amount().toPlainString(),
						terms.split().patientTotal().amount().toPlainString(), terms.validUntil(), now, stepId)),
				Set.of(sent.number()));
	}

	/**
	 * The patient accepts a sent version before it lapses, once its insurers approved
	 * what they must; accepting the accepted version again changes nothing.
	 */
	Change accept(int number, Instant now, Approvals approvals) {
		QuoteVersion chosen = version(number);
		switch (chosen.status()) {
			case ACCEPTED -> {
				return new Change(this, List.of(), Set.of());
			}
			case SUPERSEDED -> throw new VersionSuperseded(this, chosen);
			case EXPIRED -> throw new VersionExpired(this, chosen);
			case DRAFT, REJECTED -> throw new InvalidTransition(this, chosen, "accepted");
			case SENT -> {
				if (chosen.lapsedAt(now)) {
					throw new VersionExpired(this, chosen);
				}
			}
		}
		approvals.require(id, number, chosen.terms().split());
		Terms terms = chosen.terms();
		return new Change(replace(chosen.close(QuoteStatus.ACCEPTED, now)),
				List.of(new QuoteAccepted(id, number, patientId, partnerId, code(terms),
						terms.total().amount().toPlainString(), terms.split().insurersTotal().amount().toPlainString(),
						terms.split().patientTotal().amount().toPlainString(), now, stepId)),
				Set.of());
	}

	/** The patient turns a sent version down; turning it down again changes nothing. */
	Change reject(int number, Instant now) {
		QuoteVersion chosen = version(number);
		if (chosen.status() == QuoteStatus.REJECTED) {
			return new Change(this, List.of(), Set.of());
		}
		if (chosen.status() != QuoteStatus.SENT) {
			throw new InvalidTransition(this, chosen, "rejected");
		}
		return new Change(replace(chosen.close(QuoteStatus.REJECTED, now)),
				List.of(new QuoteRejected(id, number, patientId, partnerId, now, stepId)), Set.of());
	}

	/** A sent version nobody accepted lapses at the end of its validity date. */
	Change expire(Instant now) {
		QuoteVersion sent = latest();
		if (sent.status() != QuoteStatus.SENT || !sent.lapsedAt(now)) {
			throw new InvalidTransition(this, sent, "expired");
		}
		return new Change(replace(sent.close(QuoteStatus.EXPIRED, now)), List
			.of(new QuoteExpired(id, sent.number(), patientId, partnerId, sent.terms().validUntil(), now, stepId)),
				Set.of());
	}

	private Quote replace(QuoteVersion changed) {
		List<QuoteVersion> next = new ArrayList<>(versions);
		next.set(changed.number() - 1, changed);
		return with(next);
	}

	private Quote with(List<QuoteVersion> next) {
		return new Quote(id, patientId, partnerId, pathwayId, stepId, next, version + 1, createdAt);
	}

	private static String code(Terms terms) {
		return terms.currency().getCurrencyCode();
	}

	/** The version's status does not allow the change. */
	public static final class InvalidTransition extends ConflictException {

		InvalidTransition(Quote quote, QuoteVersion version, String change) {
			super("invalid-transition", "Version " + version.number() + " of quote " + quote.id() + " is "
					+ version.status() + "; it cannot be " + change + ".");
		}

	}

	/** A newer version replaced this one: the patient can accept the newer one only. */
	public static final class VersionSuperseded extends ConflictException {

		VersionSuperseded(Quote quote, QuoteVersion version) {
			super("quote-version-superseded",
					"Version " + version.number() + " of quote " + quote.id() + " was superseded by version "
							+ quote.latest().number() + ", which is " + quote.latest().status() + ".",
					java.util.Map.of("latestVersion", quote.latest().number()));
		}

	}

	/** The version's validity date has passed. */
	public static final class VersionExpired extends ConflictException {

		VersionExpired(Quote quote, QuoteVersion version) {
			super("quote-expired", "Version " + version.number() + " of quote " + quote.id() + " was valid until "
					+ version.terms().validUntil() + "; it can no longer be accepted.");
		}

	}

	/** The quote has no such version. */
	public static final class VersionNotFound extends NotFoundException {

		VersionNotFound(UUID id, int number) {
			super("quote-version-not-found", "Quote " + id + " has no version " + number + ".");
		}

	}

}
