package io.wrench.shared.customer;

/** A vehicle has an odometer (km or miles), equipment an hours meter; both only ever go up. */
public enum AssetKind { VEHICLE, EQUIPMENT }
