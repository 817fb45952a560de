package care.parcours.billing.invoices;

import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/** What moves an issued invoice's balance: a credit note, a payment or a refund. */
public sealed interface Movement {

	UUID id();

	Money amount();

	/**
	 * A correction of the invoice, numbered in its issuer's sequence.
	 *
	 * @param id the credit note
	 * @param number its number
	 * @param reason why
	 * @param amount what it takes off, positive
	 * @param issuedAt when
	 */
	record CreditNote(UUID id, DocumentNumber number, CreditReason reason, Money amount,
			Instant issuedAt) implements Movement {

	}

	/**
	 * Money received.
	 *
	 * @param id the payment
	 * @param method how
	 * @param provider who reports it (a card acquirer, the bank, an insurer's settlement
	 * run)
	 * @param reference the provider's reference, unique per provider
	 * @param insurerId the insurer that paid, for an insurer's settlement
	 * @param amount what was paid, positive
	 * @param receivedAt when the money was received
	 */
	record Payment(UUID id, PaymentMethod method, String provider, String reference, @Nullable UUID insurerId,
			Money amount, Instant receivedAt) implements Movement {

		/** Whether a report of a payment is this one again. */
		boolean sameAs(PaymentMethod otherMethod, Money otherAmount, @Nullable UUID otherInsurer) {
			return method == otherMethod && amount.equals(otherAmount)
					&& java.util.Objects.equals(insurerId, otherInsurer);
		}

	}

	/**
	 * Money paid back.
	 *
	 * @param id the refund
	 * @param paymentId the payment it returns, if one
	 * @param amount what was paid back, positive
	 * @param refundedAt when
	 */
	record Refund(UUID id, @Nullable UUID paymentId, Money amount, Instant refundedAt) implements Movement {

	}

}
