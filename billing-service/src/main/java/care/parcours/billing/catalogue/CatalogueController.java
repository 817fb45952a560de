package care.parcours.billing.catalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.money.Money;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Catalogue",
		description = "What can be billed (medical acts under CCAM or the INAMI/RIZIV nomenclature, stays, fees, travel, hotel, interpreters, companion services) and each partner's tariffs over time.")
@RestController
class CatalogueController {

	private final CatalogueService catalogue;

	private final IdempotentRequests idempotency;

	CatalogueController(CatalogueService catalogue, IdempotentRequests idempotency) {
		this.catalogue = catalogue;
		this.idempotency = idempotency;
	}

	record LabelsForm(@NotBlank @Size(max = 200) String fr, @NotBlank @Size(max = 200) String en,
			@NotBlank @Size(max = 200) String nl) {

	}

	record ItemForm(@NotNull ItemKind kind, @NotNull Nomenclature nomenclature, @NotBlank @Size(max = 32) String code,
			@Nullable UUID ownerId, @NotNull @Valid LabelsForm labels) {

	}

	record TariffForm(@NotNull UUID itemId, @NotNull UUID partnerId,
			@Schema(description = "The price of one unit, VAT excluded") @NotNull Money unitPrice,
			@Schema(description = "VAT in percent, 0 to 30; 0 for a kind exempt from VAT") @NotNull @DecimalMin("0") @DecimalMax("30") @Digits(
					integer = 2, fraction = 2) BigDecimal vatRate,
			@NotNull LocalDate validFrom, @Nullable LocalDate validUntil) {

	}

	record ItemView(UUID id, ItemKind kind, Nomenclature nomenclature, String code, @Nullable UUID ownerId,
			Labels labels, boolean vatExempt, boolean sample, Instant createdAt) {

		static ItemView of(BillableItem item) {
			return new ItemView(item.id(), item.kind(), item.nomenclature(), item.code(), item.ownerId(), item.labels(),
					item.kind().vatExempt(), item.sample(), item.createdAt());
		}

	}

	record TariffView(UUID id, UUID itemId, UUID partnerId, Money unitPrice, BigDecimal vatRate, LocalDate validFrom,
			@Nullable LocalDate validUntil, boolean sample, Instant createdAt) {

		static TariffView of(Tariff tariff) {
			return new TariffView(tariff.id(), tariff.itemId(), tariff.partnerId(), tariff.unitPrice(),
					tariff.vatRate().percent(), tariff.validFrom(), tariff.validUntil(), tariff.sample(),
					tariff.createdAt());
		}

	}

	@Operation(summary = "Add a billable item",
			description = "An act under CCAM (four letters, three digits) or the INAMI/RIZIV nomenclature (six digits), or a service under a partner's code (ownerId names the partner) or Parcours' own. 409 item-code-taken when the code is in the catalogue already.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/catalogue/items")
	ResponseEntity<?> define(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody ItemForm form) {
		return idempotency.run(key, "POST /api/catalogue/items", form, () -> {
			BillableItem item = catalogue.define(form.kind(), form.nomenclature(), form.code(), form.ownerId(),
					new Labels(form.labels().fr(), form.labels().en(), form.labels().nl()));
			return ResponseEntity.created(URI.create("/api/catalogue/items/" + item.id())).body(ItemView.of(item));
		});
	}

	@Operation(summary = "List billable items", description = "By kind, nomenclature and code, in code order.")
	@GetMapping("/api/catalogue/items")
	Page<ItemView> items(@RequestParam(required = false) @Nullable ItemKind kind,
			@RequestParam(required = false) @Nullable Nomenclature nomenclature,
			@RequestParam(required = false) @Nullable String code, PageQuery page) {
		return catalogue.items(kind, nomenclature, code, page).map(ItemView::of);
	}

	@Operation(summary = "Get a billable item", description = "Its code, kind (which decides its VAT) and labels.")
	@GetMapping("/api/catalogue/items/{id}")
	ItemView item(@PathVariable UUID id) {
		return ItemView.of(catalogue.item(id));
	}

	@Operation(summary = "Add a tariff",
			description = "A partner's price for an item from validFrom to validUntil (both included; none: until further notice). 409 tariff-overlap when the partner has a tariff for the item on one of those days.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/catalogue/tariffs")
	ResponseEntity<?> price(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody TariffForm form) {
		return idempotency.run(key, "POST /api/catalogue/tariffs", form, () -> {
			Tariff tariff = catalogue.price(form.itemId(), form.partnerId(), form.unitPrice(),
					new VatRate(form.vatRate()), form.validFrom(), form.validUntil());
			return ResponseEntity.created(URI.create("/api/catalogue/tariffs/" + tariff.id()))
				.body(TariffView.of(tariff));
		});
	}

	@Operation(summary = "List tariffs", description = "By partner, item and the day they apply on.")
	@GetMapping("/api/catalogue/tariffs")
	Page<TariffView> tariffs(@RequestParam(required = false) @Nullable UUID partnerId,
			@RequestParam(required = false) @Nullable UUID itemId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			PageQuery page) {
		return catalogue.tariffs(partnerId, itemId, on, page).map(TariffView::of);
	}

	@Operation(summary = "Get a tariff", description = "A partner's price of an item over its validity.")
	@GetMapping("/api/catalogue/tariffs/{id}")
	TariffView tariff(@PathVariable UUID id) {
		return TariffView.of(catalogue.tariff(id));
	}

	@Operation(summary = "Import a price list",
			description = "multipart/form-data: the partner's CSV price list in part 'file' (UTF-8; header kind,nomenclature,code,label_fr,label_en,label_nl,currency,unit_price,vat_rate,valid_from,valid_until; # starts a comment). All rows or none: when any row cannot be imported (a bad code, an unknown currency, VAT on an exempt act, a tariff overlapping another...), the answer is a 422 price-list-rejected whose rejectedRows name each row's line, field and why, and nothing is written. A row already imported with the same terms is counted unchanged, so the same file can be sent again.")
	@PostMapping(path = "/api/catalogue/price-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PriceListReport importPriceList(@RequestParam UUID partnerId, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.isEmpty()) {
			throw InvalidRequestException.ofField("file", "must not be empty");
		}
		try (Reader csv = withoutByteOrderMark(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			List<PriceListRow> rows = PriceList.read(csv);
			return catalogue.importPriceList(partnerId, rows, false);
		}
	}

	/**
	 * Spreadsheets save UTF-8 with a byte order mark, which would become part of the
	 * header.
	 */
	static Reader withoutByteOrderMark(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

}
