package io.wrench.shared.workorder;

public enum PaymentMethod { CASH, CARD, TRANSFER }
