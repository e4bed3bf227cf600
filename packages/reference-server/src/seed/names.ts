// Name pools mixing the backgrounds of NHS staff (about a quarter of NHS staff are from
// ethnic minority backgrounds). Synthetic people only: any match with a real person is chance.
export const firstNames = [
  'Amelia', 'Olivia', 'Isla', 'Emily', 'Sophie', 'Grace', 'Chloe', 'Hannah', 'Megan', 'Rhiannon', 'Siân', 'Ffion',
  'Jack', 'Oliver', 'Harry', 'George', 'Thomas', 'James', 'Daniel', 'Rhys', 'Dylan', 'Owen', 'Callum', 'Liam',
  'Priya', 'Aisha', 'Fatima', 'Zainab', 'Ananya', 'Mohammed', 'Arjun', 'Imran', 'Ravi', 'Sanjay', 'Yusuf', 'Omar',
  'Grace', 'Blessing', 'Chiamaka', 'Adaeze', 'Kwame', 'Tunde', 'Chinedu', 'Kofi', 'Maria', 'Joanna', 'Rosa', 'Ana',
  'Jose', 'Paulo', 'Marta', 'Katarzyna', 'Piotr', 'Andrei', 'Elena', 'Mei', 'Wei', 'Hui', 'Joy', 'Angelica', 'Mark',
  'Rebecca', 'Laura', 'Claire', 'Sarah', 'Helen', 'Karen', 'Susan', 'David', 'Paul', 'Andrew', 'Stephen', 'Gareth',
] as const;

export const lastNames = [
  'Hughes', 'Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Lewis', 'Morgan', 'Price', 'Griffiths',
  'Smith', 'Brown', 'Taylor', 'Wilson', 'Johnson', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Green',
  'Patel', 'Khan', 'Ahmed', 'Hussain', 'Begum', 'Singh', 'Kaur', 'Sharma', 'Ali', 'Iqbal', 'Chaudhry', 'Shah',
  'Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Balogun', 'Asante', 'Santos', 'Reyes', 'Cruz', 'Garcia',
  'Nowak', 'Kowalski', 'Popescu', 'Chen', 'Wang', 'Li', 'Nair', 'Menon', 'Joseph', 'Thomas', "O'Brien", 'Murphy',
] as const;
