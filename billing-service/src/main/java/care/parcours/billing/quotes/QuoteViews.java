package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Nomenclature;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Quotes as the API shows them: amounts as strings with their currency. */
final class QuoteViews {

	private QuoteViews() {
	}

	@Schema(description = "A quote as listed: its latest version's status and amounts.")
	record QuoteSummary(UUID id, UUID patientId, UUID partnerId, UUID pathwayId, @Nullable UUID stepId,
			QuoteStatus status, int latestVersion, @Nullable Integer acceptedVersion, Money total, Money patientAmount,
			@Schema(description = "Counts every change: the ETag") long version, Instant createdAt) {

		static QuoteSummary of(Quote quote) {
			Terms terms = quote.latest().terms();
			QuoteVersion accepted = quote.accepted();
			return new QuoteSummary(quote.id(), quote.patientId(), quote.partnerId(), quote.pathwayId(), quote.stepId(),
					quote.status(), quote.latest().number(), accepted == null ? null : accepted.number(), terms.total(),
					terms.split().patientTotal(), quote.version(), quote.createdAt());
		}

	}

	record QuoteView(UUID id, UUID patientId, UUID partnerId, UUID pathwayId, @Nullable UUID stepId, QuoteStatus status,
			int latestVersion, @Nullable Integer acceptedVersion,
			@Schema(description = "Counts every change: the ETag") long version, Instant createdAt,
			List<VersionView> versions) {

		static QuoteView of(Quote quote) {
			QuoteVersion accepted = quote.accepted();
			return new QuoteView(quote.id(), quote.patientId(), quote.partnerId(), quote.pathwayId(), quote.stepId(),
					quote.status(), quote.latest().number(), accepted == null ? null : accepted.number(),
					quote.version(), quote.createdAt(), quote.versions().stream().map(VersionView::of).toList());
		}

	}

	record VersionView(int number, QuoteStatus status, String currency, String language,
			@Nullable String patientCurrency, LocalDate validUntil, Instant createdAt, @Nullable Instant sentAt,
			@Nullable Instant closedAt, List<LineView> lines, Totals totals, List<InsurerTotal> insurers) {

		static VersionView of(QuoteVersion version) {
			Terms terms = version.terms();
			List<LineView> lines = new ArrayList<>();
			for (QuoteLine line : terms.lines()) {
				lines.add(LineView.of(line, terms.split().lines().get(line.position() - 1)));
			}
			List<InsurerTotal> insurers = terms.split()
				.lines()
				.stream()
				.flatMap(line -> line.shares().stream())
				.map(CoverageSplit.InsurerShare::policyId)
				.distinct()
				.map(policy -> new InsurerTotal(policy, terms.split().insurerOf(policy), terms.split().shareOf(policy),
						terms.split().policiesNeedingAuthorisation().contains(policy)))
				.toList();
			return new VersionView(version.number(), version.status(), terms.currency().getCurrencyCode(),
					terms.language(),
					terms.patientCurrency() == null ? null : terms.patientCurrency().getCurrencyCode(),
					terms.validUntil(), version.createdAt(), version.sentAt(), version.closedAt(), lines,
					new Totals(terms.net(), terms.vat(), terms.total(), terms.split().insurersTotal(),
							terms.split().patientTotal()),
					insurers);
		}

	}

	@Schema(description = "What the version costs: net + vat = total = insurers + patient, to the minor unit.")
	record Totals(Money net, Money vat, Money total, Money insurers, Money patient) {

	}

	@Schema(description = "What one of the patient's insurers pays of the whole version.")
	record InsurerTotal(UUID policyId, UUID insurerId, Money amount, boolean authorisationRequired) {

	}

	record LineView(int position, UUID itemId, ItemKind kind, Nomenclature nomenclature, String code, String label,
			BigDecimal quantity, Money unitPrice, BigDecimal discountPercent, BigDecimal vatRate, Money gross,
			Money discount, Money net, Money vat, Money total, List<ShareView> shares, Money patientShare) {

		static LineView of(QuoteLine line, CoverageSplit.LineSplit split) {
			return new LineView(line.position(), line.itemId(), line.kind(), line.nomenclature(), line.code(),
					line.label(), line.quantity(), line.unitPrice(), line.discountPercent(), line.vatRate().percent(),
					line.gross(), line.discount(), line.net(), line.vat(), line.total(),
					split.shares()
						.stream()
						.map(share -> new ShareView(share.policyId(), share.insurerId(), share.amount(),
								share.authorisationRequired()))
						.toList(),
					split.patient());
		}

	}

	@Schema(description = "What one insurer pays of a line.")
	record ShareView(UUID policyId, UUID insurerId, Money amount, boolean authorisationRequired) {

	}

}
