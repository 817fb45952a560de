package care.parcours.partner.partners;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.validation.TimeZoneId;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
class PartnerController {

	private final PartnerDirectory directory;

	PartnerController(PartnerDirectory directory) {
		this.directory = directory;
	}

	record PartnerForm(@NotBlank @Size(max = 200) String name, @NotNull PartnerKind kind,
			@NotNull @CountryCode String country, @NotBlank @Size(max = 120) String city,
			@NotNull @TimeZoneId String timeZone, @NotNull @Size(max = 50) List<@NotBlank String> specialties,
			@NotEmpty @Size(max = 20) List<@NotNull @LanguageCode String> languages) {

		PartnerDirectory.NewPartner toRequest() {
			return new PartnerDirectory.NewPartner(name, kind, country, city, ZoneId.of(timeZone), specialties,
					languages);
		}

	}

	record PartnerView(UUID id, String name, PartnerKind kind, String country, String city, String timeZone,
			List<String> specialties, List<String> languages, long version, Instant registeredAt) {

		static PartnerView of(Partner partner) {
			return new PartnerView(partner.id(), partner.name(), partner.kind(), partner.country(), partner.city(),
					partner.timeZone().getId(), partner.specialties(), partner.languages(), partner.version(),
					partner.registeredAt());
		}

	}

	@PostMapping
	ResponseEntity<PartnerView> register(@Valid @RequestBody PartnerForm form) {
		Partner partner = directory.register(form.toRequest());
		return ResponseEntity.created(URI.create("/api/partners/" + partner.id()))
			.eTag(Long.toString(partner.version()))
			.body(PartnerView.of(partner));
	}

	@GetMapping("/{id}")
	ResponseEntity<PartnerView> get(@PathVariable UUID id) {
		Partner partner = directory.get(id);
		return ResponseEntity.ok().eTag(Long.toString(partner.version())).body(PartnerView.of(partner));
	}

	@GetMapping
	Page<PartnerView> list(PageQuery page) {
		return directory.list(page).map(PartnerView::of);
	}

}
