/**
 */
package org.strata.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Target Runtime Kind</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.strata.model.StrataPackage#getTargetRuntimeKind()
 * @model
 * @generated
 */
public enum TargetRuntimeKind implements Enumerator {
	/**
	 * The '<em><b>Onnx</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ONNX_VALUE
	 * @generated
	 * @ordered
	 */
	ONNX(0, "onnx", "onnx"),

	/**
	 * The '<em><b>Onnxruntime</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ONNXRUNTIME_VALUE
	 * @generated
	 * @ordered
	 */
	ONNXRUNTIME(1, "onnxruntime", "onnxruntime");

	/**
	 * The '<em><b>Onnx</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ONNX
	 * @model name="onnx"
	 * @generated
	 * @ordered
	 */
	public static final int ONNX_VALUE = 0;

	/**
	 * The '<em><b>Onnxruntime</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ONNXRUNTIME
	 * @model name="onnxruntime"
	 * @generated
	 * @ordered
	 */
	public static final int ONNXRUNTIME_VALUE = 1;

	/**
	 * An array of all the '<em><b>Target Runtime Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final TargetRuntimeKind[] VALUES_ARRAY =
		new TargetRuntimeKind[] {
			ONNX,
			ONNXRUNTIME,
		};

	/**
	 * A public read-only list of all the '<em><b>Target Runtime Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<TargetRuntimeKind> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Target Runtime Kind</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static TargetRuntimeKind get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			TargetRuntimeKind result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Target Runtime Kind</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static TargetRuntimeKind getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			TargetRuntimeKind result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Target Runtime Kind</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static TargetRuntimeKind get(int value) {
		switch (value) {
			case ONNX_VALUE: return ONNX;
			case ONNXRUNTIME_VALUE: return ONNXRUNTIME;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private TargetRuntimeKind(int value, String name, String literal) {
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue() {
	  return value;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
	  return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLiteral() {
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		return literal;
	}
	
} //TargetRuntimeKind
