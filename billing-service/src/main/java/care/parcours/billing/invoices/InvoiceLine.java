package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A line of an invoice: a line of the quote it bills, a deposit, or the deduction of a
 * deposit already invoiced (negative amounts). Its insurers' shares and the patient's add
 * up to its total to the minor unit.
 *
 * @param position from 1
 * @param quotePosition the quote's line it bills; none for a deposit or a deduction
 * @param code the item's code, or {@code DEPOSIT}
 * @param label what it bills, in the invoice's language
 * @param quantity how many units, for a quote's line
 * @param unitPrice the price of one unit VAT excluded, for a quote's line
 * @param vatRate VAT in percent, for a quote's line
 * @param net VAT excluded
 * @param vat the VAT
 * @param total VAT included
 * @param shares what each insurer is billed, payers in order
 * @param patient what the patient is billed
 */
public record InvoiceLine(int position, @Nullable Integer quotePosition, String code, String label,
		@Nullable BigDecimal quantity, @Nullable Money unitPrice, @Nullable BigDecimal vatRate, Money net, Money vat,
		Money total, List<PayerShare> shares, Money patient) {

	public InvoiceLine {
		shares = List.copyOf(shares);
		if (!total.equals(net.plus(vat))) {
			throw new IllegalArgumentException("line " + position + ": net and VAT do not add up to its total");
		}
		Money billed = shares.stream().map(PayerShare::amount).reduce(patient, Money::plus);
		if (!billed.equals(total)) {
			throw new IllegalArgumentException("line " + position + ": shares do not add up to its total");
		}
	}

	public Money insurers() {
		return shares.stream().map(PayerShare::amount).reduce(Money.zero(total.currency()), Money::plus);
	}

	/** The same line at another position. */
	InvoiceLine at(int newPosition) {
		return new InvoiceLine(newPosition, quotePosition, code, label, quantity, unitPrice, vatRate, net, vat, total,
				shares, patient);
	}

	/**
	 * What one insurer of the patient's is billed of a line.
	 *
	 * @param policyId the patient's policy
	 * @param insurerId its insurer
	 * @param amount what it is billed (negative on a deduction)
	 */
	public record PayerShare(UUID policyId, UUID insurerId, Money amount) {

	}

}
