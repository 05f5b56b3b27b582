package io.wrench.shared.workorder;

public enum InspectionResult { PASS, FAIL }
