package care.parcours.partner.partners;

/**
 * A point on Earth in WGS 84 degrees, such as a clinic's entrance or an airport.
 *
 * @param latitude -90 to 90
 * @param longitude -180 to 180
 */
public record Coordinates(double latitude, double longitude) {

	/** Mean Earth radius used by the haversine formula (IUGG). */
	public static final double EARTH_RADIUS_KM = 6371.0088;

	public Coordinates {
		if (!(latitude >= -90 && latitude <= 90)) {
			throw new IllegalArgumentException("latitude must be between -90 and 90");
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("longitude must be between -180 and 180");
		}
	}

	/**
	 * The great-circle distance (haversine): close enough for choosing a clinic near an
	 * airport, where roads matter more than the Earth's flattening.
	 */
	public double distanceKm(Coordinates other) {
		double dLat = Math.toRadians(other.latitude - latitude);
		double dLon = Math.toRadians(other.longitude - longitude);
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
				* Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
