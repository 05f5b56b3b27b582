package io.wrench.shared.workorder;

public enum Priority { LOW, NORMAL, HIGH, URGENT }
