/**
 */
package org.strata.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Analysis</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A table of numbers with row and column labels (values row-major), and how to draw it.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.Analysis#getId <em>Id</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getTitle <em>Title</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getKind <em>Kind</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getRowLabels <em>Row Labels</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getColumnLabels <em>Column Labels</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getValues <em>Values</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getUnit <em>Unit</em>}</li>
 *   <li>{@link org.strata.model.Analysis#getNote <em>Note</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getAnalysis()
 * @model
 * @generated
 */
public interface Analysis extends EObject {
	/**
	 * Returns the value of the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Id</em>' attribute.
	 * @see #setId(String)
	 * @see org.strata.model.StrataPackage#getAnalysis_Id()
	 * @model
	 * @generated
	 */
	String getId();

	/**
	 * Sets the value of the '{@link org.strata.model.Analysis#getId <em>Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Id</em>' attribute.
	 * @see #getId()
	 * @generated
	 */
	void setId(String value);

	/**
	 * Returns the value of the '<em><b>Title</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Title</em>' attribute.
	 * @see #setTitle(String)
	 * @see org.strata.model.StrataPackage#getAnalysis_Title()
	 * @model
	 * @generated
	 */
	String getTitle();

	/**
	 * Sets the value of the '{@link org.strata.model.Analysis#getTitle <em>Title</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Title</em>' attribute.
	 * @see #getTitle()
	 * @generated
	 */
	void setTitle(String value);

	/**
	 * Returns the value of the '<em><b>Kind</b></em>' attribute.
	 * The literals are from the enumeration {@link org.strata.model.AnalysisKind}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Kind</em>' attribute.
	 * @see org.strata.model.AnalysisKind
	 * @see #setKind(AnalysisKind)
	 * @see org.strata.model.StrataPackage#getAnalysis_Kind()
	 * @model
	 * @generated
	 */
	AnalysisKind getKind();

	/**
	 * Sets the value of the '{@link org.strata.model.Analysis#getKind <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Kind</em>' attribute.
	 * @see org.strata.model.AnalysisKind
	 * @see #getKind()
	 * @generated
	 */
	void setKind(AnalysisKind value);

	/**
	 * Returns the value of the '<em><b>Row Labels</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Row Labels</em>' attribute list.
	 * @see org.strata.model.StrataPackage#getAnalysis_RowLabels()
	 * @model
	 * @generated
	 */
	EList<String> getRowLabels();

	/**
	 * Returns the value of the '<em><b>Column Labels</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Column Labels</em>' attribute list.
	 * @see org.strata.model.StrataPackage#getAnalysis_ColumnLabels()
	 * @model
	 * @generated
	 */
	EList<String> getColumnLabels();

	/**
	 * Returns the value of the '<em><b>Values</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Double}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Values</em>' attribute list.
	 * @see org.strata.model.StrataPackage#getAnalysis_Values()
	 * @model unique="false"
	 * @generated
	 */
	EList<Double> getValues();

	/**
	 * Returns the value of the '<em><b>Unit</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Unit</em>' attribute.
	 * @see #setUnit(String)
	 * @see org.strata.model.StrataPackage#getAnalysis_Unit()
	 * @model
	 * @generated
	 */
	String getUnit();

	/**
	 * Sets the value of the '{@link org.strata.model.Analysis#getUnit <em>Unit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Unit</em>' attribute.
	 * @see #getUnit()
	 * @generated
	 */
	void setUnit(String value);

	/**
	 * Returns the value of the '<em><b>Note</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Note</em>' attribute.
	 * @see #setNote(String)
	 * @see org.strata.model.StrataPackage#getAnalysis_Note()
	 * @model
	 * @generated
	 */
	String getNote();

	/**
	 * Sets the value of the '{@link org.strata.model.Analysis#getNote <em>Note</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Note</em>' attribute.
	 * @see #getNote()
	 * @generated
	 */
	void setNote(String value);

} // Analysis
