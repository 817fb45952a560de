package care.parcours.billing.quotes;

import care.parcours.billing.coverage.AuthorisationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets sent quotes and prior authorisations lapse by themselves at the end of their
 * validity date, announcing each. Safe with several instances: each batch locks what it
 * takes and skips what another instance holds, and every change is checked by version.
 * Acceptance checks the date itself, so a late run never lets a lapsed quote be accepted.
 */
@Component
class Expiries {

	private static final Logger log = LoggerFactory.getLogger(Expiries.class);

	static final int BATCH = 100;

	private final QuoteService quotes;

	private final AuthorisationService authorisations;

	Expiries(QuoteService quotes, AuthorisationService authorisations) {
		this.quotes = quotes;
		this.authorisations = authorisations;
	}

	@Scheduled(fixedDelayString = "${parcours.billing.expiry-interval:30s}")
	void expireLapsed() {
		try {
			while (quotes.expireDue(BATCH) == BATCH) {
				// another batch is due
			}
			while (authorisations.expireDue(BATCH) == BATCH) {
				// another batch is due
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not expire lapsed quotes or authorisations; will try again", ex);
		}
	}

}
