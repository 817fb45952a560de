package care.parcours.billing.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.billing.BillingProperties;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests prior authorisations for quotes, records insurers' answers, lets approvals
 * lapse, and tells quotes whether they may be accepted.
 */
@Service
public class AuthorisationService {

	private final Authorisations authorisations;

	private final QuotedCare quotes;

	private final BillingProperties properties;

	private final Clock clock;

	AuthorisationService(Authorisations authorisations, QuotedCare quotes, BillingProperties properties, Clock clock) {
		this.authorisations = authorisations;
		this.quotes = quotes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a request to a policy's insurer for its share of the quote's latest
	 * version.
	 */
	@Transactional
	PriorAuthorisation request(UUID quoteId, UUID policyId) {
		QuotedCare.Quoted quote = quotes.latest(quoteId).orElseThrow(() -> new QuoteNotFound(quoteId));
		Money share = quote.split().shareOf(policyId);
		if (share.amount().signum() == 0) {
			throw new RuleViolationException("policy-pays-nothing", "Policy " + policyId + " pays nothing of version "
					+ quote.version() + " of quote " + quoteId + ": there is nothing to authorise.");
		}
		PriorAuthorisation requested = PriorAuthorisation.request(UUID.randomUUID(), quoteId, quote.version(),
				quote.pathwayId(), quote.stepId(), policyId, quote.split().insurerOf(policyId), share, clock.instant());
		authorisations.add(requested);
		return requested;
	}

	@Transactional
	PriorAuthorisation approve(UUID quoteId, UUID id, Money amount, LocalDate validUntil, ExpectedVersion expected) {
		PriorAuthorisation.Change approved = locked(quoteId, id, expected).approve(amount, validUntil,
				properties.endOf(validUntil), clock.instant());
		authorisations.save(approved);
		return approved.authorisation();
	}

	@Transactional
	PriorAuthorisation refuse(UUID quoteId, UUID id, ExpectedVersion expected) {
		PriorAuthorisation.Change refused = locked(quoteId, id, expected).refuse(clock.instant());
		authorisations.save(refused);
		return refused.authorisation();
	}

	PriorAuthorisation get(UUID quoteId, UUID id) {
		return authorisations.find(id)
			.filter(found -> found.quoteId().equals(quoteId))
			.orElseThrow(() -> new AuthorisationNotFound(id));
	}

	List<PriorAuthorisation> ofQuote(UUID quoteId) {
		return authorisations.ofQuote(quoteId);
	}

	/**
	 * What insurers approved for a quote and still holds, by policy: a new version's
	 * shares are scaled down to it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<UUID, Money> approvedFor(UUID quoteId) {
		Instant now = clock.instant();
		return authorisations.ofQuote(quoteId)
			.stream()
			.filter(authorisation -> authorisation.status() == AuthorisationStatus.APPROVED
					&& authorisation.approved() != null && authorisation.expiresAt() != null
					&& now.isBefore(authorisation.expiresAt()))
			.collect(Collectors.toMap(PriorAuthorisation::policyId, PriorAuthorisation::approved, (a, b) -> a));
	}

	/**
	 * Refuses the acceptance of a quote version whose split needs an insurer's approval
	 * that it has not given, or given for less than its share.
	 * @throws AuthorisationRequired naming the policies still waiting
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireApprovals(UUID quoteId, int version, CoverageSplit split) {
		Instant now = clock.instant();
		List<PriorAuthorisation> known = authorisations.ofQuote(quoteId);
		Set<UUID> missing = split.policiesNeedingAuthorisation()
			.stream()
			.filter(policy -> known.stream()
				.noneMatch(authorisation -> authorisation.policyId().equals(policy)
						&& authorisation.covers(split.shareOf(policy), now)))
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		if (!missing.isEmpty()) {
			throw new AuthorisationRequired(quoteId, version, missing);
		}
	}

	/** Lets approvals past their date lapse, a batch at a time. */
	@Transactional
	public int expireDue(int limit) {
		Instant now = clock.instant();
		List<PriorAuthorisation> due = authorisations.due(now, limit);
		due.forEach(authorisation -> authorisations.save(authorisation.expire(now)));
		return due.size();
	}

	private PriorAuthorisation locked(UUID quoteId, UUID id, ExpectedVersion expected) {
		PriorAuthorisation authorisation = authorisations.lock(id)
			.filter(found -> found.quoteId().equals(quoteId))
			.orElseThrow(() -> new AuthorisationNotFound(id));
		expected.requireCurrent("Authorisation " + id, authorisation.version());
		return authorisation;
	}

	/** A quote that needs an insurer's prior approval cannot be accepted before it. */
	public static final class AuthorisationRequired extends RuleViolationException {

		AuthorisationRequired(UUID quoteId, int version, Set<UUID> policies) {
			super("authorisation-required", "Version " + version + " of quote " + quoteId
					+ " needs the prior authorisation of the insurer of each policy in policyIds, approved for at least its share, before the patient can accept it.",
					Map.of("policyIds", policies.stream().map(UUID::toString).toList()));
		}

	}

	static final class AuthorisationNotFound extends NotFoundException {

		AuthorisationNotFound(UUID id) {
			super("authorisation-not-found", "No prior authorisation of this quote has the id " + id + ".");
		}

	}

	static final class QuoteNotFound extends NotFoundException {

		QuoteNotFound(UUID id) {
			super("quote-not-found", "No quote has the id " + id + ".");
		}

	}

}
