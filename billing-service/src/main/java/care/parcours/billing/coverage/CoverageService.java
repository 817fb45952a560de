package care.parcours.billing.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.money.Money;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Insurers, patients' policies, and what they pay of a quote. */
@Service
public class CoverageService {

	private final Insurers insurers;

	private final Policies policies;

	private final AuthorisationService authorisations;

	private final Clock clock;

	CoverageService(Insurers insurers, Policies policies, AuthorisationService authorisations, Clock clock) {
		this.insurers = insurers;
		this.policies = policies;
		this.authorisations = authorisations;
		this.clock = clock;
	}

	@Transactional
	Insurer addInsurer(InsurerKind kind, String code, String label, String country) {
		Insurer insurer = new Insurer(UUID.randomUUID(), kind, code, label, country, clock.instant());
		insurers.add(insurer);
		return insurer;
	}

	public Insurer insurer(UUID id) {
		return insurers.find(id)
			.orElseThrow(() -> new NotFoundException("insurer-not-found", "No insurer has the id " + id + "."));
	}

	Page<Insurer> insurers(PageQuery page) {
		return insurers.list(page);
	}

	@Transactional
	Policy addPolicy(UUID patientId, UUID insurerId, Money deductible, LocalDate validFrom,
			@Nullable LocalDate validUntil, List<CoverageRule> rules) {
		Insurer insurer = insurer(insurerId);
		Policy policy = new Policy(UUID.randomUUID(), patientId, insurerId, insurer.kind(), deductible, validFrom,
				validUntil, rules, 0, clock.instant());
		policies.add(policy);
		return policy;
	}

	@Transactional
	Policy revisePolicy(UUID id, Money deductible, LocalDate validFrom, @Nullable LocalDate validUntil,
			List<CoverageRule> rules, ExpectedVersion expected) {
		Policy policy = policies.lock(id).orElseThrow(() -> new PolicyNotFound(id));
		expected.requireCurrent("Policy " + id, policy.version());
		if (!deductible.currency().equals(policy.deductible().currency())) {
			throw care.parcours.platform.domain.InvalidRequestException.ofField("deductible.currency",
					"must stay " + policy.deductible().currency() + ", the policy's currency");
		}
		Policy revised = policy.revise(deductible, validFrom, validUntil, rules);
		policies.save(revised);
		return revised;
	}

	Policy policy(UUID id) {
		return policies.find(id).orElseThrow(() -> new PolicyNotFound(id));
	}

	List<Policy> policiesOf(UUID patientId) {
		return policies.ofPatient(patientId, null);
	}

	/**
	 * What each of the patient's insurers and the patient pay of a quote's lines, with
	 * the policies in force on {@code day} and what insurers approved for the quote.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CoverageSplit split(UUID patientId, UUID quoteId, Currency currency, LocalDate day,
			List<CoverageCalculator.Billed> lines) {
		return CoverageCalculator.split(lines, currency, policies.ofPatient(patientId, day),
				authorisations.approvedFor(quoteId));
	}

	static final class PolicyNotFound extends NotFoundException {

		PolicyNotFound(UUID id) {
			super("policy-not-found", "No policy has the id " + id + ".");
		}

	}

}
