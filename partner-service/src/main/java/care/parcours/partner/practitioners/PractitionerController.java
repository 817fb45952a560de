package care.parcours.partner.practitioners;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.validation.LanguageCode;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
class PractitionerController {

	private final PractitionerRegistry registry;

	PractitionerController(PractitionerRegistry registry) {
		this.registry = registry;
	}

	record PractitionerForm(@NotBlank @Size(max = 200) String name,
			@NotEmpty @Size(max = 20) List<@NotBlank String> specialties,
			@NotEmpty @Size(max = 20) List<@NotNull @LanguageCode String> languages) {

	}

	record PractitionerView(UUID id, UUID partnerId, String name, List<String> specialties, List<String> languages,
			String timeZone, long version, Instant registeredAt) {

		static PractitionerView of(Practitioner practitioner) {
			return new PractitionerView(practitioner.id(), practitioner.partnerId(), practitioner.name(),
					practitioner.specialties(), practitioner.languages(), practitioner.timeZone(),
					practitioner.version(), practitioner.registeredAt());
		}

	}

	@PostMapping("/api/partners/{partnerId}/practitioners")
	ResponseEntity<PractitionerView> register(@PathVariable UUID partnerId, @Valid @RequestBody PractitionerForm form) {
		Practitioner practitioner = registry.register(partnerId, form.name(), form.specialties(), form.languages());
		return ResponseEntity.created(URI.create("/api/practitioners/" + practitioner.id()))
			.eTag(Long.toString(practitioner.version()))
			.body(PractitionerView.of(practitioner));
	}

	@GetMapping("/api/practitioners/{id}")
	ResponseEntity<PractitionerView> get(@PathVariable UUID id) {
		Practitioner practitioner = registry.get(id);
		return ResponseEntity.ok().eTag(Long.toString(practitioner.version())).body(PractitionerView.of(practitioner));
	}

	@GetMapping("/api/partners/{partnerId}/practitioners")
	Page<PractitionerView> ofPartner(@PathVariable UUID partnerId, PageQuery page) {
		return registry.ofPartner(partnerId, page).map(PractitionerView::of);
	}

}
