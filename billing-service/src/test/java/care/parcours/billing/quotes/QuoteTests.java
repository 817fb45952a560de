package care.parcours.billing.quotes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import care.parcours.billing.BillingFixtures;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteSent;
import care.parcours.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import static care.parcours.billing.quotes.QuoteFixtures.drafted;
import static care.parcours.billing.quotes.QuoteFixtures.hipStay;
import static care.parcours.billing.quotes.QuoteFixtures.noneNeeded;
import static care.parcours.billing.quotes.QuoteFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteTests {

	private static final Instant NOW = BillingFixtures.NOW;

	private static final Instant EXPIRY = Instant.parse("2026-12-15T23:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofDays(1));

	@Test
	void aNewQuoteIsADraftFirstVersionAnnouncingNothing() {
		Quote.Change drafted = drafted(terms(hipStay()));

		assertThat(drafted.quote().status()).isEqualTo(QuoteStatus.DRAFT);
		assertThat(drafted.quote().latest().number()).isEqualTo(1);
		assertThat(drafted.events()).isEmpty();
	}

	@Test
	void sendingAnnouncesTheVersionItsAmountsAndTheStep() {
		Quote quote = drafted(terms(hipStay())).quote();

		Quote.Change sent = quote.send(quote.latest().terms().split(), NOW);

		assertThat(sent.quote().status()).isEqualTo(QuoteStatus.SENT);
		assertThat(sent.quote().version()).isEqualTo(1);
		assertThat(sent.events()).singleElement().isInstanceOfSatisfying(QuoteSent.class, event -> {
			assertThat(event.quoteVersion()).isEqualTo(1);
			assertThat(event.totalAmount()).isEqualTo("10508.00");
			assertThat(event.patientAmount()).isEqualTo("10508.00");
			assertThat(event.insurersAmount()).isEqualTo("0.00");
			assertThat(event.stepId()).isEqualTo(QuoteFixtures.STEP);
		});
	}

	@Test
	void revisingADraftRewritesItInPlace() {
		Quote quote = drafted(terms(hipStay())).quote();

		Quote.Change revised = quote.revise(terms(hipStay().subList(0, 1)), EXPIRY, LATER);

		assertThat(revised.quote().versions()).hasSize(1);
		assertThat(revised.quote().latest().terms().lines()).hasSize(1);
		assertThat(revised.written()).containsExactly(1);
	}

	@Test
	void revisingASentQuoteSupersedesItWithTheNextVersion() {
		Quote sent = sent();

		Quote revised = sent.revise(terms(hipStay().subList(0, 2)), EXPIRY, LATER).quote();

		assertThat(revised.versions()).extracting(QuoteVersion::status)
			.containsExactly(QuoteStatus.SUPERSEDED, QuoteStatus.DRAFT);
		assertThat(revised.latest().number()).isEqualTo(2);
	}

	@Test
	void aSupersededVersionCannotBeAccepted() {
		Quote revised = sent().revise(terms(hipStay()), EXPIRY, LATER).quote();

		assertThatThrownBy(() -> revised.accept(1, LATER, noneNeeded())).isInstanceOf(Quote.VersionSuperseded.class)
			.hasMessageContaining("superseded by version 2");
	}

	@Test
	void acceptingASentVersionAnnouncesItOnceAndAgainChangesNothing() {
		Quote.Change accepted = sent().accept(1, LATER, noneNeeded());

		assertThat(accepted.quote().status()).isEqualTo(QuoteStatus.ACCEPTED);
		assertThat(accepted.events()).singleElement().isInstanceOf(QuoteAccepted.class);
		Quote.Change again = accepted.quote().accept(1, LATER.plusSeconds(60), noneNeeded());
		assertThat(again.changedNothing()).isTrue();
		assertThat(again.quote()).isEqualTo(accepted.quote());
	}

	@Test
	void aVersionCannotBeAcceptedOnceItsValidityDateHasEndedEvenBeforeTheJobRan() {
		Quote sent = sent();

		assertThatThrownBy(() -> sent.accept(1, EXPIRY, noneNeeded())).isInstanceOf(Quote.VersionExpired.class);
		assertThat(sent.accept(1, EXPIRY.minusMillis(1), noneNeeded()).quote().status())
			.isEqualTo(QuoteStatus.ACCEPTED);
	}

	@Test
	void aMissingApprovalRefusesTheAcceptance() {
		Quote sent = sent();

		assertThatThrownBy(() -> sent.accept(1, LATER, (quote, version, split) -> {
			throw new RuleViolationException("authorisation-required", "needs one");
		})).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aDraftCannotBeAcceptedNorAnAcceptedQuoteRevised() {
		Quote draft = drafted(terms(hipStay())).quote();
		assertThatThrownBy(() -> draft.accept(1, LATER, noneNeeded())).isInstanceOf(Quote.InvalidTransition.class)
			.hasMessageContaining("is DRAFT");

		Quote accepted = sent().accept(1, LATER, noneNeeded()).quote();
		assertThatThrownBy(() -> accepted.revise(terms(hipStay()), EXPIRY, LATER))
			.isInstanceOf(Quote.InvalidTransition.class)
			.hasMessageContaining("is ACCEPTED");
	}

	@Test
	void aSentVersionExpiresAtTheEndOfItsValidityDateNotBefore() {
		Quote sent = sent();
		assertThatThrownBy(() -> sent.expire(EXPIRY.minusSeconds(1))).isInstanceOf(Quote.InvalidTransition.class);

		Quote.Change expired = sent.expire(EXPIRY);

		assertThat(expired.quote().status()).isEqualTo(QuoteStatus.EXPIRED);
		assertThat(expired.events()).singleElement().isInstanceOf(QuoteExpired.class);
		assertThatThrownBy(() -> expired.quote().accept(1, EXPIRY, noneNeeded()))
			.isInstanceOf(Quote.VersionExpired.class);
	}

	@Test
	void anExpiredOrRejectedQuoteGetsANewDraftWhenRevised() {
		Quote rejected = sent().reject(1, LATER).quote();
		assertThat(rejected.reject(1, LATER).changedNothing()).isTrue();

		Quote revised = rejected.revise(terms(hipStay()), EXPIRY, LATER).quote();

		assertThat(revised.versions()).extracting(QuoteVersion::status)
			.containsExactly(QuoteStatus.REJECTED, QuoteStatus.DRAFT);
	}

	@Test
	void aDraftWhoseValidityDateHasPassedCannotBeSent() {
		Quote draft = drafted(terms(hipStay())).quote();

		assertThatThrownBy(() -> draft.send(draft.latest().terms().split(), EXPIRY))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("valid until 2026-12-15");
	}

	@Test
	void anUnknownVersionIsNotFound() {
		assertThatThrownBy(() -> sent().accept(7, LATER, noneNeeded())).isInstanceOf(Quote.VersionNotFound.class);
		assertThat(List.of(sent().versions())).hasSize(1);
	}

	private static Quote sent() {
		Quote quote = drafted(terms(hipStay())).quote();
		return quote.send(quote.latest().terms().split(), NOW).quote();
	}

}
