// Name pools by background and sex, so a person's name fits the ethnicity they may declare (about a
// quarter of NHS staff are from ethnic minority backgrounds; many nurses were recruited from India, the
// Philippines and West Africa). Synthetic people only: any match with a real person is chance.
export type Background = 'british' | 'irish' | 'european' | 'indian' | 'pakistani' | 'filipino' | 'chinese' | 'african' | 'caribbean';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

export const namePools: Record<Background, NamePool> = {
  british: {
    female: ['Amelia', 'Olivia', 'Isla', 'Emily', 'Sophie', 'Grace', 'Chloe', 'Hannah', 'Megan', 'Rhiannon', 'Siân', 'Ffion', 'Rebecca', 'Laura', 'Claire', 'Sarah', 'Helen', 'Karen', 'Susan', 'Emma', 'Jessica', 'Lucy', 'Charlotte', 'Victoria', 'Joanne', 'Nicola', 'Rachel', 'Gemma', 'Kelly', 'Lisa', 'Amy', 'Zoe', 'Ellie', 'Catrin', 'Bethan', 'Julie', 'Alison', 'Jennifer', 'Katie', 'Natalie'],
    male: ['Jack', 'Oliver', 'Harry', 'George', 'Thomas', 'James', 'Daniel', 'Rhys', 'Dylan', 'Owen', 'Callum', 'Liam', 'Mark', 'David', 'Paul', 'Andrew', 'Stephen', 'Gareth', 'Michael', 'Richard', 'Matthew', 'Christopher', 'Simon', 'Adam', 'Ben', 'Samuel', 'Luke', 'Ryan', 'Huw', 'Ian'],
    last: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Morgan', 'Price', 'Griffiths', 'Wood', 'Turner', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Jackson', 'Baker', 'Harrison', 'Parker', 'Bennett', 'Pritchard', 'Rees'],
  },
  irish: {
    female: ['Siobhan', 'Aoife', 'Niamh', 'Ciara', 'Orla', 'Róisín', 'Sinéad', 'Mary', 'Bridget', 'Clodagh'],
    male: ['Sean', 'Patrick', 'Ciaran', 'Declan', 'Conor', 'Eoin', 'Padraig', 'Cormac', 'Kevin', 'Niall'],
    last: ['Murphy', "O'Brien", 'Kelly', 'Byrne', 'Ryan', "O'Sullivan", 'Walsh', 'McCarthy', 'Doyle', 'Gallagher', 'Brennan', 'Quinn'],
  },
  european: {
    female: ['Katarzyna', 'Agnieszka', 'Joanna', 'Elena', 'Maria', 'Ana', 'Marta', 'Ioana', 'Anna', 'Eva', 'Sofia', 'Giulia', 'Inês', 'Andreea'],
    male: ['Piotr', 'Tomasz', 'Andrei', 'Marek', 'José', 'Paulo', 'Luca', 'Mihai', 'Stefan', 'Pavel', 'João', 'Marco', 'Jakub', 'Nikos'],
    last: ['Nowak', 'Kowalski', 'Wiśniewska', 'Popescu', 'Ionescu', 'Santos', 'Ferreira', 'Rossi', 'Horváth', 'Novák', 'Silva', 'García', 'López', 'Papadopoulos', 'Kowalczyk', 'Costa'],
  },
  indian: {
    female: ['Priya', 'Ananya', 'Deepa', 'Kavita', 'Sunita', 'Anjali', 'Pooja', 'Neha', 'Divya', 'Lakshmi', 'Simran', 'Harpreet', 'Jincy', 'Anu'],
    male: ['Arjun', 'Ravi', 'Sanjay', 'Rajesh', 'Vikram', 'Anil', 'Suresh', 'Rahul', 'Amit', 'Arun', 'Gurpreet', 'Jaspal', 'Jijo', 'Manoj'],
    last: ['Patel', 'Sharma', 'Singh', 'Nair', 'Menon', 'Gupta', 'Kumar', 'Shah', 'Joshi', 'Reddy', 'Pillai', 'Joseph', 'Varghese', 'Mistry', 'Gill', 'Sandhu'],
  },
  pakistani: {
    female: ['Aisha', 'Fatima', 'Zainab', 'Ayesha', 'Sana', 'Nadia', 'Amina', 'Saima', 'Rukhsana', 'Shabana', 'Nusrat', 'Farzana'],
    male: ['Mohammed', 'Imran', 'Omar', 'Yusuf', 'Bilal', 'Asif', 'Tariq', 'Kamran', 'Faisal', 'Hamza', 'Abdul', 'Shahid'],
    last: ['Khan', 'Ahmed', 'Hussain', 'Ali', 'Iqbal', 'Chaudhry', 'Rahman', 'Akhtar', 'Malik', 'Uddin', 'Islam', 'Miah', 'Begum', 'Butt'],
  },
  filipino: {
    female: ['Joy', 'Angelica', 'Maricel', 'Rowena', 'Jocelyn', 'Cristina', 'Rosalie', 'Lovely', 'Marites', 'Jennylyn'],
    male: ['Jose', 'Mark', 'Ronaldo', 'Jerome', 'Rommel', 'Arnel', 'Jun', 'Ramon', 'Noel', 'Rey'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz', 'Ramos', 'Aquino', 'Villanueva', 'Castillo', 'Flores'],
  },
  chinese: {
    female: ['Mei', 'Hui', 'Xin', 'Ling', 'Yan', 'Jing', 'Li Na', 'Wen'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Jian', 'Lei', 'Chen', 'Kai'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Wong', 'Lam', 'Cheung', 'Ng', 'Ho'],
  },
  african: {
    female: ['Blessing', 'Chiamaka', 'Adaeze', 'Ngozi', 'Abena', 'Grace', 'Esther', 'Funmilayo', 'Precious', 'Chipo', 'Comfort', 'Yetunde', 'Akosua', 'Ruth'],
    male: ['Kwame', 'Tunde', 'Chinedu', 'Kofi', 'Emeka', 'Oluwaseun', 'Samuel', 'Tendai', 'Yaw', 'Babajide', 'Emmanuel', 'Ifeanyi', 'Kwabena', 'Tafadzwa'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Balogun', 'Asante', 'Owusu', 'Adebayo', 'Moyo', 'Nwosu', 'Osei', 'Eze', 'Ncube', 'Oyelaran', 'Danso'],
  },
  caribbean: {
    female: ['Marcia', 'Jacqueline', 'Sharon', 'Donna', 'Paulette', 'Claudette', 'Janet', 'Beverley'],
    male: ['Winston', 'Delroy', 'Leroy', 'Marcus', 'Clive', 'Trevor', 'Errol', 'Courtney'],
    last: ['Campbell', 'Francis', 'Richards', 'Grant', 'Henry', 'Samuels', 'Bailey', 'Forbes', 'Stewart', 'Gordon'],
  },
};

/** NHS Data Dictionary ethnic category (A–S, Z = not stated) → the name pools that fit it. */
export const backgroundsByEthnicity: Record<string, readonly Background[]> = {
  A: ['british'], B: ['irish'], C: ['european'],
  D: ['british', 'caribbean'], E: ['british', 'african'], F: ['british', 'indian'], G: ['british', 'european', 'chinese'],
  H: ['indian'], J: ['pakistani'], K: ['pakistani'], L: ['filipino', 'indian'],
  M: ['caribbean'], N: ['african'], P: ['african', 'caribbean'],
  R: ['chinese'], S: ['european', 'filipino', 'pakistani'],
  Z: ['british', 'british', 'european', 'indian', 'african'],
};
