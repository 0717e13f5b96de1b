/**
 */
package org.strata.model.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeEList;
import org.eclipse.emf.ecore.util.EDataTypeUniqueEList;

import org.strata.model.Analysis;
import org.strata.model.AnalysisKind;
import org.strata.model.StrataPackage;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Analysis</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getId <em>Id</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getTitle <em>Title</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getKind <em>Kind</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getRowLabels <em>Row Labels</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getColumnLabels <em>Column Labels</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getValues <em>Values</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getUnit <em>Unit</em>}</li>
 *   <li>{@link org.strata.model.impl.AnalysisImpl#getNote <em>Note</em>}</li>
 * </ul>
 *
 * @generated
 */
public class AnalysisImpl extends MinimalEObjectImpl.Container implements Analysis {
	/**
	 * The default value of the '{@link #getId() <em>Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getId()
	 * @generated
	 * @ordered
	 */
	protected static final String ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getId() <em>Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getId()
	 * @generated
	 * @ordered
	 */
	protected String id = ID_EDEFAULT;

	/**
	 * The default value of the '{@link #getTitle() <em>Title</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTitle()
	 * @generated
	 * @ordered
	 */
	protected static final String TITLE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTitle() <em>Title</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTitle()
	 * @generated
	 * @ordered
	 */
	protected String title = TITLE_EDEFAULT;

	/**
	 * The default value of the '{@link #getKind() <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKind()
	 * @generated
	 * @ordered
	 */
	protected static final AnalysisKind KIND_EDEFAULT = AnalysisKind.TABLE;

	/**
	 * The cached value of the '{@link #getKind() <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKind()
	 * @generated
	 * @ordered
	 */
	protected AnalysisKind kind = KIND_EDEFAULT;

	/**
	 * The cached value of the '{@link #getRowLabels() <em>Row Labels</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRowLabels()
	 * @generated
	 * @ordered
	 */
	protected EList<String> rowLabels;

	/**
	 * The cached value of the '{@link #getColumnLabels() <em>Column Labels</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getColumnLabels()
	 * @generated
	 * @ordered
	 */
	protected EList<String> columnLabels;

	/**
	 * The cached value of the '{@link #getValues() <em>Values</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValues()
	 * @generated
	 * @ordered
	 */
	protected EList<Double> values;

	/**
	 * The default value of the '{@link #getUnit() <em>Unit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUnit()
	 * @generated
	 * @ordered
	 */
	protected static final String UNIT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getUnit() <em>Unit</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUnit()
	 * @generated
	 * @ordered
	 */
	protected String unit = UNIT_EDEFAULT;

	/**
	 * The default value of the '{@link #getNote() <em>Note</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNote()
	 * @generated
	 * @ordered
	 */
	protected static final String NOTE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getNote() <em>Note</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNote()
	 * @generated
	 * @ordered
	 */
	protected String note = NOTE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected AnalysisImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.ANALYSIS;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getId() {
		return id;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setId(String newId) {
		String oldId = id;
		id = newId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.ANALYSIS__ID, oldId, id));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTitle() {
		return title;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTitle(String newTitle) {
		String oldTitle = title;
		title = newTitle;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.ANALYSIS__TITLE, oldTitle, title));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public AnalysisKind getKind() {
		return kind;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setKind(AnalysisKind newKind) {
		AnalysisKind oldKind = kind;
		kind = newKind == null ? KIND_EDEFAULT : newKind;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.ANALYSIS__KIND, oldKind, kind));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getRowLabels() {
		if (rowLabels == null) {
			rowLabels = new EDataTypeUniqueEList<String>(String.class, this, StrataPackage.ANALYSIS__ROW_LABELS);
		}
		return rowLabels;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getColumnLabels() {
		if (columnLabels == null) {
			columnLabels = new EDataTypeUniqueEList<String>(String.class, this, StrataPackage.ANALYSIS__COLUMN_LABELS);
		}
		return columnLabels;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Double> getValues() {
		if (values == null) {
			values = new EDataTypeEList<Double>(Double.class, this, StrataPackage.ANALYSIS__VALUES);
		}
		return values;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getUnit() {
		return unit;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUnit(String newUnit) {
		String oldUnit = unit;
		unit = newUnit;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.ANALYSIS__UNIT, oldUnit, unit));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getNote() {
		return note;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNote(String newNote) {
		String oldNote = note;
		note = newNote;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.ANALYSIS__NOTE, oldNote, note));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case StrataPackage.ANALYSIS__ID:
				return getId();
			case StrataPackage.ANALYSIS__TITLE:
				return getTitle();
			case StrataPackage.ANALYSIS__KIND:
				return getKind();
			case StrataPackage.ANALYSIS__ROW_LABELS:
				return getRowLabels();
			case StrataPackage.ANALYSIS__COLUMN_LABELS:
				return getColumnLabels();
			case StrataPackage.ANALYSIS__VALUES:
				return getValues();
			case StrataPackage.ANALYSIS__UNIT:
				return getUnit();
			case StrataPackage.ANALYSIS__NOTE:
				return getNote();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case StrataPackage.ANALYSIS__ID:
				setId((String)newValue);
				return;
			case StrataPackage.ANALYSIS__TITLE:
				setTitle((String)newValue);
				return;
			case StrataPackage.ANALYSIS__KIND:
				setKind((AnalysisKind)newValue);
				return;
			case StrataPackage.ANALYSIS__ROW_LABELS:
				getRowLabels().clear();
				getRowLabels().addAll((Collection<? extends String>)newValue);
				return;
			case StrataPackage.ANALYSIS__COLUMN_LABELS:
				getColumnLabels().clear();
				getColumnLabels().addAll((Collection<? extends String>)newValue);
				return;
			case StrataPackage.ANALYSIS__VALUES:
				getValues().clear();
				getValues().addAll((Collection<? extends Double>)newValue);
				return;
			case StrataPackage.ANALYSIS__UNIT:
				setUnit((String)newValue);
				return;
			case StrataPackage.ANALYSIS__NOTE:
				setNote((String)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case StrataPackage.ANALYSIS__ID:
				setId(ID_EDEFAULT);
				return;
			case StrataPackage.ANALYSIS__TITLE:
				setTitle(TITLE_EDEFAULT);
				return;
			case StrataPackage.ANALYSIS__KIND:
				setKind(KIND_EDEFAULT);
				return;
			case StrataPackage.ANALYSIS__ROW_LABELS:
				getRowLabels().clear();
				return;
			case StrataPackage.ANALYSIS__COLUMN_LABELS:
				getColumnLabels().clear();
				return;
			case StrataPackage.ANALYSIS__VALUES:
				getValues().clear();
				return;
			case StrataPackage.ANALYSIS__UNIT:
				setUnit(UNIT_EDEFAULT);
				return;
			case StrataPackage.ANALYSIS__NOTE:
				setNote(NOTE_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case StrataPackage.ANALYSIS__ID:
				return ID_EDEFAULT == null ? id != null : !ID_EDEFAULT.equals(id);
			case StrataPackage.ANALYSIS__TITLE:
				return TITLE_EDEFAULT == null ? title != null : !TITLE_EDEFAULT.equals(title);
			case StrataPackage.ANALYSIS__KIND:
				return kind != KIND_EDEFAULT;
			case StrataPackage.ANALYSIS__ROW_LABELS:
				return rowLabels != null && !rowLabels.isEmpty();
			case StrataPackage.ANALYSIS__COLUMN_LABELS:
				return columnLabels != null && !columnLabels.isEmpty();
			case StrataPackage.ANALYSIS__VALUES:
				return values != null && !values.isEmpty();
			case StrataPackage.ANALYSIS__UNIT:
				return UNIT_EDEFAULT == null ? unit != null : !UNIT_EDEFAULT.equals(unit);
			case StrataPackage.ANALYSIS__NOTE:
				return NOTE_EDEFAULT == null ? note != null : !NOTE_EDEFAULT.equals(note);
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (id: ");
		result.append(id);
		result.append(", title: ");
		result.append(title);
		result.append(", kind: ");
		result.append(kind);
		result.append(", rowLabels: ");
		result.append(rowLabels);
		result.append(", columnLabels: ");
		result.append(columnLabels);
		result.append(", values: ");
		result.append(values);
		result.append(", unit: ");
		result.append(unit);
		result.append(", note: ");
		result.append(note);
		result.append(')');
		return result.toString();
	}

} //AnalysisImpl
