package care.parcours.partner.specialties;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Specialties", description = "The vocabulary of specialties partners and practitioners are described with.")
@RestController
class SpecialtyController {

	private final Specialties specialties;

	SpecialtyController(Specialties specialties) {
		this.specialties = specialties;
	}

	@Operation(summary = "List specialties", description = "Every specialty code with its label.")
	@GetMapping("/api/partners/specialties")
	List<Specialty> all() {
		return specialties.all();
	}

}
