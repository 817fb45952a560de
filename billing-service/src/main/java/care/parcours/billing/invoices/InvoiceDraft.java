package care.parcours.billing.invoices;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteLine;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.billing.quotes.Terms;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What an invoice will bill, before it has a number: built from a quote's accepted
 * version, each amount shared out between its insurers and the patient as the quote
 * shared it, to the minor unit ({@link Money#allocate}).
 *
 * @param kind deposit, balance or full
 * @param issuerId the quote's partner
 * @param patientId the quote's patient
 * @param pathwayId the quote's pathway
 * @param stepId the quote's step
 * @param quoteId the quote
 * @param quoteVersion its accepted version
 * @param currency the quote's currency
 * @param language the quote's language
 * @param lines what it bills
 * @param care the performed care a balance bills
 */
public record InvoiceDraft(InvoiceKind kind, UUID issuerId, UUID patientId, UUID pathwayId, @Nullable UUID stepId,
		UUID quoteId, int quoteVersion, Currency currency, String language, List<InvoiceLine> lines, List<UUID> care) {

	public InvoiceDraft {
		lines = List.copyOf(lines);
		care = List.copyOf(care);
	}

	/** Every line of the accepted version. */
	static InvoiceDraft full(Quote quote, QuoteVersion accepted) {
		return of(InvoiceKind.FULL, quote, accepted, quoted(accepted, Set.of()), List.of());
	}

	/**
	 * A deposit of {@code amount}: one line, shared between VAT and net and between the
	 * payers in the proportions of the whole quote.
	 * @param invoiced what earlier deposits on the quote still bill
	 */
	static InvoiceDraft deposit(Quote quote, QuoteVersion accepted, Money amount, Money invoiced) {
		Terms terms = accepted.terms();
		Money left = terms.total().minus(invoiced);
		if (amount.amount().compareTo(left.amount()) > 0) {
			throw new RuleViolationException(
					"deposit-exceeds-quote", "A deposit of " + amount + " exceeds the " + left + " of quote "
							+ quote.id() + " not yet invoiced as deposits.",
					Map.of("left", left.amount().toPlainString()));
		}
		List<Payer> payers = new ArrayList<>();
		for (CoverageSplit.LineSplit line : terms.split().lines()) {
			for (CoverageSplit.InsurerShare share : line.shares()) {
				payers.stream()
					.filter(p -> p.policyId().equals(share.policyId()))
					.findFirst()
					.ifPresentOrElse(p -> p.add(share.amount()),
							() -> payers.add(new Payer(share.policyId(), share.insurerId(), share.amount())));
			}
		}
		InvoiceLine line = shared(1, "DEPOSIT", Words.in(terms.language()).deposit(), amount, terms.net(), terms.vat(),
				payers, terms.split().patientTotal());
		return of(InvoiceKind.DEPOSIT, quote, accepted, List.of(line), List.of());
	}

	/**
	 * The lines performed (all when none are named), less each deposit invoiced on the
	 * quote as it stands after its credit notes.
	 */
	static InvoiceDraft balance(Quote quote, QuoteVersion accepted, Set<Integer> positions, List<Invoice> deposits,
			List<UUID> care) {
		List<InvoiceLine> lines = new ArrayList<>(quoted(accepted, positions));
		Words words = Words.in(accepted.terms().language());
		for (Invoice deposit : deposits) {
			Money kept = deposit.total().minus(deposit.credited());
			if (kept.amount().signum() == 0) {
				continue;
			}
			List<Payer> payers = new ArrayList<>();
			Map<UUID, Payer> byPolicy = new LinkedHashMap<>();
			deposit.lines()
				.forEach(l -> l.shares()
					.forEach(s -> byPolicy
						.computeIfAbsent(s.policyId(), p -> new Payer(p, s.insurerId(), Money.zero(deposit.currency())))
						.add(s.amount())));
			payers.addAll(byPolicy.values());
			lines.add(shared(lines.size() + 1, "DEPOSIT", words.deducted() + " " + deposit.number(),
					Money.zero(kept.currency()).minus(kept), deposit.net(), deposit.vat(), payers,
					deposit.patientTotal()));
		}
		return of(InvoiceKind.BALANCE, quote, accepted, lines, care);
	}

	private static InvoiceDraft of(InvoiceKind kind, Quote quote, QuoteVersion accepted, List<InvoiceLine> lines,
			List<UUID> care) {
		Terms terms = accepted.terms();
		return new InvoiceDraft(kind, quote.partnerId(), quote.patientId(), quote.pathwayId(), quote.stepId(),
				quote.id(), accepted.number(), terms.currency(), terms.language(), lines, care);
	}

	private static List<InvoiceLine> quoted(QuoteVersion accepted, Set<Integer> positions) {
		Terms terms = accepted.terms();
		for (int position : positions) {
			if (position < 1 || position > terms.lines().size()) {
				throw InvalidRequestException.ofField("positions",
						"version " + accepted.number() + " of the quote has no line " + position);
			}
		}
		List<InvoiceLine> lines = new ArrayList<>();
		for (QuoteLine line : terms.lines()) {
			if (!positions.isEmpty() && !positions.contains(line.position())) {
				continue;
			}
			CoverageSplit.LineSplit split = terms.split().lines().get(line.position() - 1);
			lines.add(new InvoiceLine(lines.size() + 1, line.position(), line.code(), line.label(), line.quantity(),
					line.unitPrice(), line.vatRate().percent(), line.net(), line.vat(), line.total(),
					split.shares()
						.stream()
						.map(s -> new InvoiceLine.PayerShare(s.policyId(), s.insurerId(), s.amount()))
						.toList(),
					split.patient()));
		}
		return lines;
	}

	/**
	 * A line of {@code amount} shared between net and VAT as {@code net} and {@code vat}
	 * are, and between the insurers and the patient as their weights are.
	 */
	private static InvoiceLine shared(int position, String code, String label, Money amount, Money net, Money vat,
			List<Payer> payers, Money patient) {
		Money magnitude = amount.isNegative() ? Money.zero(amount.currency()).minus(amount) : amount;
		List<Money> parts = magnitude.allocate(Math.abs(net.minorUnits()), Math.abs(vat.minorUnits()));
		long[] weights = new long[payers.size() + 1];
		for (int i = 0; i < payers.size(); i++) {
			weights[i] = Math.abs(payers.get(i).amount().minorUnits());
		}
		weights[payers.size()] = Math.abs(patient.minorUnits());
		List<Money> shares = magnitude.allocate(weights);
		boolean negative = amount.isNegative();
		List<InvoiceLine.PayerShare> insurers = new ArrayList<>();
		for (int i = 0; i < payers.size(); i++) {
			if (weights[i] > 0) {
				Payer payer = payers.get(i);
				insurers.add(
						new InvoiceLine.PayerShare(payer.policyId(), payer.insurerId(), sign(shares.get(i), negative)));
			}
		}
		return new InvoiceLine(position, null, code, label, null, null, null, sign(parts.get(0), negative),
				sign(parts.get(1), negative), amount, insurers, sign(shares.get(payers.size()), negative));
	}

	private static Money sign(Money money, boolean negative) {
		return negative ? Money.zero(money.currency()).minus(money) : money;
	}

	/** An insurer's weight in a share-out: what it was billed of the whole. */
	private static final class Payer {

		private final UUID policyId;

		private final UUID insurerId;

		private Money amount;

		Payer(UUID policyId, UUID insurerId, Money amount) {
			this.policyId = policyId;
			this.insurerId = insurerId;
			this.amount = amount;
		}

		UUID policyId() {
			return policyId;
		}

		UUID insurerId() {
			return insurerId;
		}

		Money amount() {
			return amount;
		}

		void add(Money more) {
			amount = amount.plus(more);
		}

	}

	/** The words of the lines an invoice writes itself. */
	record Words(String deposit, String deducted) {

		static Words in(String language) {
			return switch (language) {
				case "fr" -> new Words("Acompte sur devis", "Acompte déjà facturé");
				case "nl" -> new Words("Voorschot op offerte", "Reeds gefactureerd voorschot");
				default -> new Words("Deposit on quote", "Deposit already invoiced");
			};
		}

	}

}
