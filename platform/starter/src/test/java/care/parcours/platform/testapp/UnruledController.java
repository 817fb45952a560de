package care.parcours.platform.testapp;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint someone forgot to give an access rule. */
@RestController
class UnruledController {

	@GetMapping("/forgotten")
	String forgotten() {
		return "should never be reached";
	}

}
