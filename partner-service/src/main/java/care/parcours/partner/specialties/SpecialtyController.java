package care.parcours.partner.specialties;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SpecialtyController {

	private final Specialties specialties;

	SpecialtyController(Specialties specialties) {
		this.specialties = specialties;
	}

	@GetMapping("/api/partners/specialties")
	List<Specialty> all() {
		return specialties.all();
	}

}
