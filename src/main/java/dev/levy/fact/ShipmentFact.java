package dev.levy.fact;

import dev.levy.model.Shipment;

/** A fact that belongs to one shipment; a session may hold many shipments, and rules join on {@code shipment == s}. */
public interface ShipmentFact {
    Shipment getShipment();
}
