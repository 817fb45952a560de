package care.parcours.billing.documents;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.BillingProperties;
import care.parcours.billing.coverage.CoverageService;
import care.parcours.billing.coverage.Insurer;
import care.parcours.billing.invoices.Invoice;
import care.parcours.billing.invoices.InvoiceService;
import care.parcours.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invoices")
@RestController
class InvoiceDocumentController {

	private final InvoiceService invoices;

	private final CoverageService coverage;

	private final BillingProperties properties;

	InvoiceDocumentController(InvoiceService invoices, CoverageService coverage, BillingProperties properties) {
		this.invoices = invoices;
		this.coverage = coverage;
		this.properties = properties;
	}

	@Operation(summary = "Download an invoice as PDF",
			description = "In its quote's language (French, English or Dutch), amounts and dates written for it: its number, lines, totals, who is billed what, its credit notes, what was paid and refunded, and the balance due.")
	@ApiResponse(responseCode = "200", description = "The invoice as PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/api/invoices/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		Invoice invoice = invoices.get(id, Caller.current());
		byte[] pdf = InvoicePdf.render(invoice, insurers(invoice), properties.dayOf(invoice.issuedAt()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("invoice-" + invoice.number() + ".pdf").build().toString())
			.body(pdf);
	}

	private Map<UUID, String> insurers(Invoice invoice) {
		Map<UUID, String> names = new HashMap<>();
		invoice.lines().forEach(line -> line.shares().forEach(share -> names.computeIfAbsent(share.insurerId(), id -> {
			Insurer insurer = coverage.insurer(id);
			return insurer.label() + " (" + insurer.code() + ")";
		})));
		return names;
	}

}
