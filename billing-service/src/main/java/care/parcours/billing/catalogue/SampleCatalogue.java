package care.parcours.billing.catalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import care.parcours.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the sample catalogue ({@code catalogue/sample-catalogue.csv}, illustrative codes
 * and prices, every row marked {@code sample}) for one sample partner at start-up. Only
 * the local platform turns it on; loading it again changes nothing.
 */
@Component
@ConditionalOnBooleanProperty("parcours.billing.sample-catalogue.enabled")
class SampleCatalogue implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SampleCatalogue.class);

	static final String RESOURCE = "catalogue/sample-catalogue.csv";

	private final CatalogueService catalogue;

	private final BillingSampleProperties properties;

	SampleCatalogue(CatalogueService catalogue, BillingSampleProperties properties) {
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try {
			load();
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance starting at the same moment loaded the same rows first
			// (the
			// unique constraints waited for its commit): loading again finds them there.
			log.info("Sample catalogue loaded by another instance meanwhile; checking it again");
			load();
		}
	}

	private void load() throws IOException {
		UUID partner = properties.partnerId();
		try (Reader csv = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
				StandardCharsets.UTF_8)) {
			PriceListReport report = catalogue.importPriceList(partner, PriceList.read(csv), true);
			log.info(
					"Sample catalogue (sample data, not real tariffs) for partner {}: {} items and {} tariffs added, {} unchanged",
					partner, report.itemsAdded(), report.tariffsAdded(), report.unchanged());
		}
		catch (DomainException ex) {
			log.warn("Sample catalogue not loaded: {}", ex.getMessage());
		}
	}

}
